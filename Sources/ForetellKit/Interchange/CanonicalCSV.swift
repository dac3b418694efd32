import Foundation

/// foretell's own CSV: one row per forecast (and one more per extra source of a forecast), header
/// `question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote`.
/// Exporting and importing into an empty ledger gives the same rows, ids included.
public enum CanonicalCSV {
    public static let columns = ["question_id", "claim", "owner", "probability", "made_on", "deadline",
                                 "outcome", "resolved_on", "tags", "source", "quote"]

    /// Streams every forecast as CSV lines, header first, in question and time order. Text cells
    /// are written as ``SpreadsheetCell`` says (neutralised unless `cells` is raw); probabilities
    /// as plain decimals (``PlainDecimal``). A ledger holding backfilled forecasts gets a last
    /// column, `backfilled` (`yes` or empty), so that importing the file does not turn them into
    /// forecasts that count; other ledgers keep the contract's header exactly.
    public static func export(_ ledger: Ledger, cells: SpreadsheetCell.Mode = .neutralised,
                              write: (String) -> Void) throws {
        var buffer = ""
        var marksBackfilled = false
        func text(_ value: String?) -> String { SpreadsheetCell.cell(value ?? "", cells) }
        try ledger.eachForecastExportRow(start: { anyBackfilled in
            marksBackfilled = anyBackfilled
            write(CSVWriter.line(columns + (marksBackfilled ? ["backfilled"] : [])))
        }) { row in
            buffer += CSVWriter.line([
                String(row.questionID), text(row.claim), text(row.owner), PlainDecimal.text(row.probability), row.madeOn,
                row.deadline ?? "", row.outcome ?? "", row.resolvedOn ?? "", text(row.tags), text(row.source), text(row.quote),
            ] + (marksBackfilled ? [row.backfilled ? "yes" : ""] : []))
            if buffer.utf8.count > 1 << 16 {
                write(buffer)
                buffer = ""
            }
        }
        write(buffer)
    }
}

/// Reads canonical CSV into the ledger. Rows that share a `question_id` (any text; or, where it is
/// empty, a claim and deadline) are one question. A question found in the ledger is the same
/// question only with the same claim and deadline: by its id for a numeric key, else by claim and
/// deadline, so another person's file never merges into an unrelated question. A new question
/// keeps a numeric key as its id when the ledger has no question of that id; a row whose forecast the ledger already holds adds nothing, so importing twice is
/// harmless. Invalid rows are skipped and reported with their line. A new question opens at the
/// time of its first row, which for foretell's own export (sorted by time) is its earliest
/// forecast; for files in another order scoring takes the earlier of that and the first forecast.
public struct CanonicalCSVImporter {
    /// A `question_id` is a key of the file. A positive whole number may also be a ledger id, but
    /// is taken as one only where the ledger's question of that id has the same claim and
    /// deadline; any other text (a spreadsheet's "acx-2021-14") only groups the file's rows.
    private enum QuestionKey: Hashable {
        case id(Int64)
        case text(String)
        case claim(String, Day?)
    }

    private struct KnownQuestion {
        var ledgerID: Int64
        var claim: String
        var deadline: Day?
        /// Created by this import: the ledger holds no forecast or resolution on it from before.
        var isNew: Bool
        /// Its outcome has been read (from its first row with one).
        var resolved = false
    }

    /// The positions of the columns, found once from the header.
    private struct Columns {
        let questionID, claim, owner, probability, madeOn, deadline, outcome, resolvedOn, tags, source, quote: Int?
        let backfilled: Int?

        init(_ header: CSVHeader) {
            (questionID, claim, owner) = (header.index(of: "question_id"), header.index(of: "claim"), header.index(of: "owner"))
            (probability, madeOn) = (header.index(of: "probability"), header.index(of: "made_on"))
            (deadline, outcome, resolvedOn) = (header.index(of: "deadline"), header.index(of: "outcome"), header.index(of: "resolved_on"))
            (tags, source, quote) = (header.index(of: "tags"), header.index(of: "source"), header.index(of: "quote"))
            backfilled = header.index(of: "backfilled")
        }
    }

    private var questions: [QuestionKey: KnownQuestion] = [:]
    /// Forecasts with a higher id were recorded from the file being imported.
    private var lastIDBefore: Int64 = 0
    /// Resolutions up to this id were in the ledger before the import: a new forecast dated before
    /// one of them on its question is hindsight, and is recorded as backfilled.
    private var lastResolutionBefore: Int64 = 0
    private var markedAsHindsight = 0

    public init() {}

    public mutating func run(_ reader: CSVReader, into writer: inout LedgerWriter,
                             progress: (Int) -> Void = { _ in }) throws -> ImportSummary {
        var summary = ImportSummary(source: reader.path)
        guard let headerRecord = try reader.next() else { throw CSVError.empty(path: reader.path) }
        let header = CSVHeader(headerRecord.fields)
        _ = try header.require(["claim", "owner", "probability", "made_on"], path: reader.path)
        let columns = Columns(header)
        let ownersBefore = try writer.ownerCount()
        lastIDBefore = try writer.lastForecastID()
        lastResolutionBefore = try writer.lastResolutionID()
        while let record = try reader.next() {
            summary.rowsRead += 1
            if summary.rowsRead % 4096 == 0 { progress(reader.bytesRead) }
            do {
                try importRow(record, columns, writer: &writer, summary: &summary)
            } catch var refused as NULByteRefused {
                refused.location = "\(reader.path) line \(record.line)"
                throw refused
            } catch {
                try summary.skip(line: record.line, because: error)
            }
        }
        progress(reader.bytesRead)
        if markedAsHindsight > 0 {
            summary.notes.append("\(counted(markedAsHindsight, "forecast was", "forecasts were")) dated before an outcome the ledger already held, so recorded as backfilled: scores leave them out unless --include-backfilled")
        }
        summary.ownersAdded = try writer.ownerCount() - ownersBefore
        return summary
    }

    private mutating func importRow(_ record: CSVRecord, _ columns: Columns, writer: inout LedgerWriter,
                                    summary: inout ImportSummary) throws {
        func field(_ column: Int?) -> String { record[column].trimmingWhitespace() }
        // Text cells may carry the apostrophe that keeps a spreadsheet from running them.
        func text(_ column: Int?) -> String { SpreadsheetCell.text(field(column)) }
        let claim = text(columns.claim)
        if claim.isEmpty { throw RowProblem(reason: "the claim is empty") }
        let owner = text(columns.owner)
        if owner.isEmpty { throw RowProblem(reason: "the owner is empty") }
        let probability = try ProbabilityInput.parse(field(columns.probability))
        let madeOn = try DateInput.moment(field(columns.madeOn))
        let deadlineText = field(columns.deadline)
        let deadline = deadlineText.isEmpty ? nil : try DateInput.deadline(deadlineText)
        let outcomeText = field(columns.outcome)
        let outcome = outcomeText.isEmpty ? nil : try Outcome.parse(outcomeText)
        let resolvedOnText = field(columns.resolvedOn)
        let resolvedOn = resolvedOnText.isEmpty ? nil : try DateInput.moment(resolvedOnText)
        if outcome != nil && resolvedOn == nil {
            throw RowProblem(reason: "outcome \(outcomeText) has no resolved_on: give the day it became known")
        }

        let idText = field(columns.questionID)
        let key: QuestionKey
        if idText.isEmpty {
            key = .claim(claim, deadline)
        } else if !idText.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            key = .text(idText)
        } else if let id = Int64(idText), id > 0 {
            key = .id(id)
        } else {
            throw RowProblem(reason: "question_id \(idText) is a number but not a ledger id (1 to \(Int64.max))")
        }
        let question: KnownQuestion
        if let known = questions[key] {
            if known.claim != claim || known.deadline != deadline {
                throw RowProblem(reason: "question_id \(idText) has another claim or deadline on an earlier line")
            }
            question = known
        } else {
            let tags = text(columns.tags).split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            let (id, isNew) = try ledgerQuestion(for: key, claim: claim, deadline: deadline, tags: tags, openedAt: madeOn,
                                                 writer: &writer, summary: &summary)
            question = KnownQuestion(ledgerID: id, claim: claim, deadline: deadline, isNew: isNew)
            questions[key] = question
        }

        // The same forecast twice in one file is two forecasts (the PredictionBook archive holds
        // such copies, and an export of it must import back whole), unless the second row only adds
        // a source: a forecast with several sources takes a row for each. On a question this import
        // created, a row without a source is therefore always a new forecast: no need to look.
        let source = text(columns.source)
        let forecastID: Int64
        let existing = question.isNew && source.isEmpty ? nil : try writer.forecastID(
            questionID: question.ledgerID, owner: owner, madeOn: madeOn.text, probability: probability)
        if let existing, existing <= lastIDBefore {
            forecastID = existing
            summary.alreadyPresent += 1
        } else if let existing, !source.isEmpty, try !writer.hasSource(forecastID: existing, path: source) {
            forecastID = existing
        } else {
            let marked = ["yes", "1", "true"].contains(field(columns.backfilled).lowercased())
            var hindsight = false
            if !marked && !question.isNew {
                hindsight = try writer.outcomeKnown(questionID: question.ledgerID, before: madeOn.milliseconds,
                                                    recordedUpTo: lastResolutionBefore) != nil
            }
            if hindsight { markedAsHindsight += 1 }
            forecastID = try writer.record(NewForecast(questionID: question.ledgerID, owner: owner, probability: probability,
                                                       madeOn: madeOn, backfilled: marked || hindsight))
            summary.forecastsAdded += 1
        }
        let quote = SpreadsheetCell.text(record[columns.quote])
        if !source.isEmpty, try writer.attach(NewSource(path: source, quote: quote), to: forecastID) {
            summary.sourcesAdded += 1
        }
        if let outcome, let resolvedOn, !question.resolved {
            questions[key]?.resolved = true
            let current = question.isNew ? nil : try writer.currentResolution(questionID: question.ledgerID)
            if current?.outcome != outcome || current?.resolvedOn != resolvedOn.text {
                _ = try writer.record(NewResolution(questionID: question.ledgerID, outcome: outcome, resolvedOn: resolvedOn))
                summary.resolutionsAdded += 1
            }
        }
    }

    /// The ledger's question for a key seen for the first time, created when the ledger lacks it;
    /// and whether it was created.
    private func ledgerQuestion(for key: QuestionKey, claim: String, deadline: Day?, tags: [String], openedAt: Moment,
                                writer: inout LedgerWriter, summary: inout ImportSummary) throws -> (Int64, isNew: Bool) {
        var explicitID: Int64?
        if case .id(let id) = key {
            if let existing = try writer.questionIdentity(id) {
                if existing.claim == claim && existing.deadline == deadline { return (id, false) }
            } else {
                explicitID = id
            }
        }
        if explicitID == nil, let existing = try writer.questionID(claim: claim, deadline: deadline) { return (existing, false) }
        let id = try writer.record(NewQuestion(id: explicitID, claim: claim, deadline: deadline,
                                               openedAtMilliseconds: openedAt.milliseconds, tags: tags))
        if case .id(let original) = key, original != id {
            summary.notes.append("question \(original) of the file is question \(id) here: the ledger's question \(original) is another one")
        }
        summary.questionsAdded += 1
        return (id, true)
    }
}
