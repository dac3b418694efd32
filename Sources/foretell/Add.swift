import ArgumentParser
import ForetellKit

extension Foretell {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a new prediction: a question and its owner's first forecast.",
            discussion: """
                Probabilities: 0.2, 20% or odds 1:4 (a bare 20 is refused as ambiguous).
                Deadlines: 2026-12-31, 2026-06 (end of June) or 2026 (end of the year).

                Examples:
                  foretell add "Rust 2.0 is released" --owner me -p 20% --deadline 2027
                  foretell add "Rain in Paris on 14 July" --owner Ana -p 0.35 \\
                      --deadline 2026-07-14 --tag weather
                  foretell add "..." --owner me -p 70% --deadline 2026-12 \\
                      --made-on 2026-01-10 --format json
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The claim: a statement that will turn out true or false.")
        var claim: String

        @OptionGroup var forecast: ForecastOptions

        @Option(name: .long, help: "When it resolves: YYYY-MM-DD, YYYY-MM or YYYY.")
        var deadline: String

        @Option(name: .long, help: "Not expected before this day: YYYY-MM-DD, YYYY-MM or YYYY.")
        var earliest: String?

        @Option(name: .long, help: "A tag for grouping scores; repeat for several.")
        var tag: [String] = []

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func run() throws {
            try AddRequest(db: ledger.db, claim: claim, owner: forecast.owner, probability: forecast.probability,
                           madeOn: forecast.madeOn, note: forecast.note, deadline: deadline, earliest: earliest,
                           tags: tag, format: format).run()
        }
    }
}

/// What `add` was asked to do, however its arguments were read: by ArgumentParser, or by
/// ``AddRequest/init(plainArguments:)`` for the everyday form.
struct AddRequest {
    var db: String?
    var claim: String
    var owner: String
    var probability: String
    var madeOn: String?
    var note: String?
    var deadline: String
    var earliest: String?
    var tags: [String] = []
    var format: OutputFormat = .table

    func run() throws {
        let format = try format.require([.table, .json], command: "add")
        let first = NewForecast(questionID: 0, owner: owner, probability: try ProbabilityInput.parseTyped(probability),
                                madeOn: try madeOn.map { text throws(InputError) in try DateInput.typedMoment(text) } ?? Moment.localNow(),
                                note: note)
        let deadline = try DateInput.deadline(deadline)
        let earliest = try earliest.map { text throws(InputError) in try DateInput.deadline(text) }
        let ledger = try OpenLedgers.open(path: LedgerLocation.resolve(explicit: db), access: .readWrite)
        var warnings = [InputWarnings.madeOnInFuture(first.madeOn), InputWarnings.deadlineBeforeMadeOn(deadline: deadline, madeOn: first.madeOn)]
        let (questionID, forecastID) = try ledger.write { writer in
            if let existing = try writer.questionIDs(claim: claim, deadline: deadline).first {
                throw DuplicateQuestion(questionID: existing, owner: owner, probability: probability)
            }
            warnings.append(InputWarnings.ownerCaseNote(owner, lookalikes: try writer.ownersDifferingOnlyInCase(from: owner)))
            let questionID = try writer.record(NewQuestion(
                claim: claim, deadline: deadline, earliest: earliest,
                openedAtMilliseconds: first.madeOn.milliseconds, tags: tags))
            var forecast = first
            forecast.questionID = questionID
            return (questionID, try writer.record(forecast))
        }
        for warning in warnings.compactMap({ $0 }) { Output.err(warning) }
        switch format {
        case .json:
            Output.out(JSONValue.object([("question_id", .int(questionID)), ("forecast_id", .int(forecastID))]).serialized() + "\n")
        default:
            Output.out("Added question \(questionID): \(TerminalText.safe(first.owner)) \(formatPercent(first.probability)) by \(deadline) (forecast \(forecastID))\n")
        }
    }
}

extension AddRequest {
    /// Reads `[--db PATH] add CLAIM --option value ...` without ArgumentParser, whose reflection over
    /// the commands' properties was most of the time `add` spent in main (each first
    /// protocol-conformance lookup scans the whole static binary). Only the plain form is read here:
    /// separate `--name value` pairs of add's own options, each at most once (`--tag` any number of
    /// times), one claim, no value that starts with `-`. Anything else (help, `--name=value`, a
    /// missing or unknown option, a repeated one) returns nil and goes through ArgumentParser, so
    /// its messages and rules stay the only ones.
    init?(plainArguments arguments: ArraySlice<String>) {
        var arguments = arguments
        var db: String?
        if arguments.first == "--db", arguments.count >= 2 {
            db = arguments[arguments.startIndex + 1]
            arguments = arguments.dropFirst(2)
        }
        guard arguments.first == "add" else { return nil }
        arguments = arguments.dropFirst()
        var (owner, probability, madeOn, note, deadline, earliest, format): (String?, String?, String?, String?, String?, String?, String?)
        var tags: [String] = []
        var claim: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let token = arguments[index]
            guard token.utf8.first == UInt8(ascii: "-") else {
                if claim != nil { return nil }
                claim = token
                index += 1
                continue
            }
            guard index + 1 < arguments.endIndex else { return nil }
            let value = arguments[index + 1]
            if value.utf8.first == UInt8(ascii: "-") { return nil }
            index += 2
            // Each option at most once: a second one is left to ArgumentParser's rules.
            func once(_ slot: inout String?) -> Bool {
                if slot != nil { return false }
                slot = value
                return true
            }
            let accepted: Bool
            switch token {
            case "--db": accepted = once(&db)
            case "--owner": accepted = once(&owner)
            case "--probability", "-p": accepted = once(&probability)
            case "--made-on": accepted = once(&madeOn)
            case "--note": accepted = once(&note)
            case "--deadline": accepted = once(&deadline)
            case "--earliest": accepted = once(&earliest)
            case "--format": accepted = once(&format)
            case "--tag": tags.append(value); accepted = true
            default: accepted = false
            }
            if !accepted { return nil }
        }
        guard let claim, let owner, let probability, let deadline else { return nil }
        var chosenFormat = OutputFormat.table
        if let format {
            guard let chosen = OutputFormat(rawValue: format) else { return nil }
            chosenFormat = chosen
        }
        self.init(db: db, claim: claim, owner: owner, probability: probability, madeOn: madeOn, note: note,
                  deadline: deadline, earliest: earliest, tags: tags, format: chosenFormat)
    }
}

