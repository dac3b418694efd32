import Foundation
import GRDB

/// foretell's own CSV: one row per forecast (and one more per extra source of a forecast), header
/// `question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote`.
/// Exporting and importing into an empty ledger gives the same rows, ids included.
public enum CanonicalCSV {
    public static let columns = ["question_id", "claim", "owner", "probability", "made_on", "deadline",
                                 "outcome", "resolved_on", "tags", "source", "quote"]

    /// Streams every forecast as CSV lines, header first, in question and time order. A ledger
    /// holding backfilled forecasts gets a last column, `backfilled` (`yes` or empty), so that
    /// importing the file does not turn them into forecasts that count; other ledgers keep the
    /// contract's header exactly. Text cells are written as ``SpreadsheetCell`` says (neutralised
    /// unless `cells` is raw); probabilities as plain decimals (``PlainDecimal``).
    public static func export(_ ledger: Ledger, cells: SpreadsheetCell.Mode = .neutralised,
                              write: (String) -> Void) throws {
        try ledger.read { db in
            let marksBackfilled = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM forecasts WHERE backfilled = 1)") ?? false
            write(CSVWriter.line(columns + (marksBackfilled ? ["backfilled"] : [])))
            let rows = try Row.fetchCursor(db, sql: """
                SELECT q.id, q.claim, o.name, f.probability, f.made_on, q.deadline, r.outcome, r.resolved_on,
                       (SELECT group_concat(tag, ';') FROM (SELECT tag FROM question_tags t
                                                            WHERE t.question_id = q.id ORDER BY tag)),
                       d.path, s.quote, f.backfilled
                FROM forecasts f
                JOIN questions q ON q.id = f.question_id
                JOIN owners o ON o.id = f.owner_id
                LEFT JOIN current_resolutions r ON r.question_id = q.id
                LEFT JOIN forecast_sources s ON s.forecast_id = f.id
                LEFT JOIN documents d ON d.id = s.document_id
                ORDER BY q.id, f.made_at_ms, f.id, s.document_id
                """)
            var buffer = ""
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let probability: Double = row[3]
                func text(_ value: String) -> String { SpreadsheetCell.cell(value, cells) }
                buffer += CSVWriter.line([
                    String(id), text(row[1]), text(row[2]), PlainDecimal.text(probability), row[4], row[5] ?? "",
                    row[6] ?? "", row[7] ?? "", text(row[8] ?? ""), text(row[9] ?? ""), text(row[10] ?? ""),
                ] + (marksBackfilled ? [(row[11] as Int64? ?? 0) == 1 ? "yes" : ""] : []))
                if buffer.utf8.count > 1 << 16 {
                    write(buffer)
                    buffer = ""
                }
            }
            write(buffer)
        }
    }
}

/// Reads canonical CSV into the ledger. Rows that share a `question_id` (or, where it is empty, a
/// claim and deadline) are one question. A question keeps its id when the ledger has no question
/// of that id; a row whose forecast the ledger already holds adds nothing, so importing twice is
/// harmless. Invalid rows are skipped and reported with their line. A new question opens at the
/// time of its first row, which for foretell's own export (sorted by time) is its earliest
/// forecast; for files in another order scoring takes the earlier of that and the first forecast.
public struct CanonicalCSVImporter {
    private enum QuestionKey: Hashable {
        case id(Int64)
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

        /// The columns that say which question a row is on, and its outcome.
        var question: [Int?] { [questionID, claim, deadline, outcome, resolvedOn] }
    }

    /// What the question columns of the last row that found its question meant, and their bytes
    /// (``Columns/question``, end to end, each ending at its offset in `lastQuestionEnds`). Rows
    /// on one question come together and repeat these columns byte for byte: a row with the same
    /// bytes means the same, so they are not read again. They decide the question only through
    /// `questions`, which only grows, so the same bytes always find the same question.
    private var lastQuestion: (key: QuestionKey, claim: String, deadline: Day?, outcome: Outcome?, resolvedOn: Moment?)?
    /// `questions[lastQuestion.key]`, kept equal to it (only `resolved` ever changes), so that a
    /// repeated row does not hash its key again.
    private var lastKnown: KnownQuestion?
    private var lastQuestionBytes: [UInt8] = []
    private var lastQuestionEnds: [Int] = []
    private var questionColumns: [Int?] = []

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
        questionColumns = columns.question
        let ownersBefore = try writer.ownerCount()
        lastIDBefore = try writer.lastForecastID()
        lastResolutionBefore = try writer.lastResolutionID()
        // The fields as bytes: most rows then build only the strings the ledger keeps.
        while try reader.nextFields({ (fields: CSVFields) -> Void in
            summary.rowsRead += 1
            if summary.rowsRead % 4096 == 0 { progress(reader.bytesRead) }
            do {
                try importRow(fields, columns, writer: &writer, summary: &summary)
            } catch var refused as NULByteRefused {
                refused.location = "\(reader.path) line \(fields.line)"
                throw refused
            } catch {
                try summary.skip(line: fields.line, because: error)
            }
        }) != nil {}
        progress(reader.bytesRead)
        if markedAsHindsight > 0 {
            summary.notes.append("\(counted(markedAsHindsight, "forecast was", "forecasts were")) dated before an outcome the ledger already held, so recorded as backfilled: scores leave them out unless --include-backfilled")
        }
        summary.ownersAdded = try writer.ownerCount() - ownersBefore
        return summary
    }

    /// A field trimmed of whitespace, as ``StringProtocol/trimmingWhitespace()`` would trim its text.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let first = bytes.first, let last = bytes.last else { return "" }
        // A field that starts and ends with a visible ASCII character has nothing to trim.
        if (0x21..<0x80).contains(first) && (0x21..<0x80).contains(last) { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }

    /// A probability written as plain decimal digits from 0 to 1 ("0.733", "1", ".5"), read from
    /// its bytes; nil for anything else, which ``ProbabilityInput/parse(_:)`` reads (or refuses).
    /// With at most 15 digits the number is an integer below 2^53 over a power of ten up to 10^22,
    /// both exact doubles, so one division rounds as `Double(String)` rounds the decimal itself.
    static func decimalProbability(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var digits: Int64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var sawPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits = digits * 10 + Int64(byte - UInt8(ascii: "0"))
                digitCount += 1
                if sawPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard digitCount > 0, digitCount <= 15 else { return nil }
        let value = Double(digits) / Self.powersOfTen[fractionDigits]
        return value <= 1 ? value : nil
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    /// Whether the row's question columns hold the bytes of the last row's that found its question.
    private func repeatsLastQuestion(_ fields: CSVFields) -> Bool {
        guard lastQuestion != nil else { return false }
        return lastQuestionBytes.withUnsafeBufferPointer { stored in
            var start = 0
            for (index, column) in questionColumns.enumerated() {
                let field = fields[column], end = lastQuestionEnds[index]
                guard field.count == end - start else { return false }
                if let bytes = field.baseAddress, let storedBytes = stored.baseAddress, field.count > 0,
                   memcmp(bytes, storedBytes + start, field.count) != 0 {
                    return false
                }
                start = end
            }
            return true
        }
    }

    private mutating func rememberQuestion(_ fields: CSVFields, key: QuestionKey, claim: String, deadline: Day?,
                                           outcome: Outcome?, resolvedOn: Moment?) {
        lastQuestion = (key, claim, deadline, outcome, resolvedOn)
        lastKnown = questions[key]
        lastQuestionBytes.removeAll(keepingCapacity: true)
        lastQuestionEnds.removeAll(keepingCapacity: true)
        for column in questionColumns {
            lastQuestionBytes.append(contentsOf: fields[column])
            lastQuestionEnds.append(lastQuestionBytes.count)
        }
    }

    private mutating func importRow(_ fields: CSVFields, _ columns: Columns, writer: inout LedgerWriter,
                                    summary: inout ImportSummary) throws {
        func field(_ column: Int?) -> String { Self.trimmed(fields[column]) }
        // Text cells may carry the apostrophe that keeps a spreadsheet from running them.
        func text(_ column: Int?) -> String { SpreadsheetCell.text(field(column)) }
        let repeated = repeatsLastQuestion(fields) ? lastQuestion : nil
        let claim = repeated?.claim ?? text(columns.claim)
        if claim.isEmpty { throw RowProblem(reason: "the claim is empty") }
        let owner = text(columns.owner)
        if owner.isEmpty { throw RowProblem(reason: "the owner is empty") }
        let probability = try Self.decimalProbability(fields[columns.probability]) ?? ProbabilityInput.parse(field(columns.probability))
        let madeOn = try DateInput.moment(field(columns.madeOn))
        var question: KnownQuestion
        let key: QuestionKey, deadline: Day?, outcome: Outcome?, resolvedOn: Moment?
        if let repeated, let known = lastKnown {
            (key, deadline, outcome, resolvedOn) = (repeated.key, repeated.deadline, repeated.outcome, repeated.resolvedOn)
            question = known
        } else {
            let deadlineText = field(columns.deadline)
            deadline = deadlineText.isEmpty ? nil : try DateInput.deadline(deadlineText)
            let outcomeText = field(columns.outcome)
            outcome = outcomeText.isEmpty ? nil : try Outcome.parse(outcomeText)
            let resolvedOnText = field(columns.resolvedOn)
            resolvedOn = resolvedOnText.isEmpty ? nil : try DateInput.moment(resolvedOnText)
            if outcome != nil && resolvedOn == nil {
                throw RowProblem(reason: "outcome \(outcomeText) has no resolved_on: give the day it became known")
            }

            let idText = field(columns.questionID)
            if idText.isEmpty {
                key = .claim(claim, deadline)
            } else {
                guard let id = Int64(idText), id > 0 else { throw RowProblem(reason: "question_id '\(idText)' is not a positive whole number") }
                key = .id(id)
            }
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
            rememberQuestion(fields, key: key, claim: claim, deadline: deadline, outcome: outcome, resolvedOn: resolvedOn)
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
        let quote = SpreadsheetCell.text(fields.string(columns.quote))
        if !source.isEmpty, try writer.attach(NewSource(path: source, quote: quote), to: forecastID) {
            summary.sourcesAdded += 1
        }
        if let outcome, let resolvedOn, !question.resolved {
            questions[key]?.resolved = true
            if lastQuestion?.key == key { lastKnown?.resolved = true }
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
