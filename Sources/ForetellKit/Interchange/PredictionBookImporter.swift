import Foundation

/// Reads the PredictionBook archive (as published by the iqisa project): `forecasts.csv`, one row
/// per forecast with its question's open, close and resolve times and outcome, and, when it is
/// beside it, `questions.csv` for the questions' titles.
///
/// Owners are PredictionBook's users; a question's deadline is the day of its close time and it
/// opened at its open time; outcome 1 is yes, 0 no, -1 ambiguous and empty still open, resolved
/// at the resolve time. Questions are known as `predictionbook:<question_id>` and forecasts as
/// `predictionbook:<question_id>:<user>:<timestamp in ms>`, so a newer archive adds only what is new.
public struct PredictionBookImporter: Importer {
    static let columns = ["question_id", "user_id", "probability", "timestamp", "outcome", "open_time",
                          "close_time", "resolve_time"]
    static let titleColumns = ["question_id", "q_title"]

    public let source: String
    public let totalBytes: Int
    private let forecasts: CSVReader
    private let questionsPath: String?
    private let questionsBytes: Int

    /// `path` is `forecasts.csv` or the folder holding it.
    public init(path: String) throws {
        source = path
        let forecastsPath = FileManager.default.isFolder(path) ? (path as NSString).appendingPathComponent("forecasts.csv") : path
        forecasts = try CSVReader(path: forecastsPath)
        let questionsPath = ((forecastsPath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("questions.csv")
        if questionsPath != forecastsPath && FileManager.default.fileExists(atPath: questionsPath) {
            self.questionsPath = questionsPath
            questionsBytes = (try? FileManager.default.attributesOfItem(atPath: questionsPath)[.size] as? Int) ?? 0
        } else {
            self.questionsPath = nil
            questionsBytes = 0
        }
        totalBytes = forecasts.fileSize + questionsBytes
    }

    public mutating func run(into writer: inout LedgerWriter, progress: (Int) -> Void) throws -> ImportSummary {
        var summary = ImportSummary(source: source)
        let titles = try readTitles(progress: progress)
        if questionsPath == nil {
            summary.notes.append("no questions.csv beside \(forecasts.path): questions are named by their PredictionBook ids")
        }
        guard let headerRecord = try forecasts.next() else { throw CSVError.empty(path: forecasts.path) }
        let positions = try CSVHeader(headerRecord.fields).require(Self.columns, path: forecasts.path)
        let column = Columns(positions)
        forecasts.readOnly(columns: positions)
        let ownersBefore = try writer.ownerCount()
        var tracked = try TrackerForecasts(writer: writer)
        var questions = Questions(titles: titles)
        // Rows come grouped by question: the question of the previous row is the likely one.
        var current: (field: String, id: Int64, ledgerID: Int64)?
        while let record = try forecasts.next() {
            summary.rowsRead += 1
            if summary.rowsRead % 4096 == 0 { progress(questionsBytes + forecasts.bytesRead) }
            do {
                let questionField = record[column.question]
                let question: (id: Int64, ledgerID: Int64)
                if let current, current.field == questionField {
                    question = (current.id, current.ledgerID)
                } else {
                    question = try questions.ledgerID(for: record, column: column, writer: &writer, summary: &summary)
                    current = (questionField, question.id, question.ledgerID)
                }
                let owner = try TrackerField.text(record[column.user], column: "user_id")
                let probability = try TrackerField.probability(record[column.probability], column: "probability")
                let madeOn = try TrackerField.moment(record[column.timestamp], column: "timestamp")
                let forecast = NewForecast(questionID: question.ledgerID, owner: owner, probability: probability, madeOn: madeOn)
                let ref = "predictionbook:" + String(question.id) + ":" + owner + ":" + String(madeOn.milliseconds)
                if try tracked.record(forecast, ref: ref, writer: &writer) {
                    summary.forecastsAdded += 1
                } else {
                    summary.alreadyPresent += 1
                }
            } catch {
                try summary.skip(line: record.line, because: error)
            }
        }
        progress(totalBytes)
        summary.ownersAdded = try writer.ownerCount() - ownersBefore
        if questions.untitled > 0 && questionsPath != nil {
            summary.notes.append("\(counted(questions.untitled, "question")) without a title in questions.csv: named 'PredictionBook question <id>'")
        }
        return summary
    }

    /// The titles from questions.csv by question id, or none without it.
    private func readTitles(progress: (Int) -> Void) throws -> [Int64: String] {
        guard let questionsPath else { return [:] }
        let reader = try CSVReader(path: questionsPath)
        guard let headerRecord = try reader.next() else { return [:] }
        let column = try CSVHeader(headerRecord.fields).require(Self.titleColumns, path: questionsPath)
        reader.readOnly(columns: column)
        var titles: [Int64: String] = [:]
        var rows = 0
        while let record = try reader.next() {
            rows += 1
            if rows % 4096 == 0 { progress(reader.bytesRead) }
            guard let id = Int64(record[column[0]]) else { continue }
            let title = record[column[1]].trimmingWhitespace()
            if !title.isEmpty { titles[id] = title }
        }
        return titles
    }

    /// The positions of the columns this importer reads.
    struct Columns {
        let question, user, probability, timestamp, outcome, openTime, closeTime, resolveTime: Int

        init(_ positions: [Int]) {
            (question, user, probability, timestamp) = (positions[0], positions[1], positions[2], positions[3])
            (outcome, openTime, closeTime, resolveTime) = (positions[4], positions[5], positions[6], positions[7])
        }
    }

    /// The ledger's questions for PredictionBook's, created from the first row of each.
    struct Questions {
        let titles: [Int64: String]
        private var ledgerIDs: [Int64: Int64] = [:]
        private(set) var untitled = 0

        init(titles: [Int64: String]) { self.titles = titles }

        mutating func ledgerID(for record: CSVRecord, column: Columns, writer: inout LedgerWriter,
                               summary: inout ImportSummary) throws -> (id: Int64, ledgerID: Int64) {
            let id = try TrackerField.id(record[column.question], column: "question_id")
            if let known = ledgerIDs[id] { return (id, known) }
            let outcome: Outcome?
            switch record[column.outcome] {
            case "": outcome = nil
            case "1", "1.0": outcome = .yes
            case "0", "0.0": outcome = .no
            case "-1", "-1.0": outcome = .ambiguous
            case let other: throw RowProblem("outcome '\(other)' is not 1 (yes), 0 (no), -1 (ambiguous) or empty (open)")
            }
            let resolvedOn = try outcome.map { _ in try TrackerField.moment(record[column.resolveTime], column: "resolve_time") }
            let deadline = try TrackerField.optionalMoment(record[column.closeTime], column: "close_time")?.day
            let opened = try TrackerField.moment(record[column.openTime], column: "open_time")

            let ref = "predictionbook:" + String(id)
            let title = titles[id]
            let (ledgerID, isNew) = try writer.recordIfNew(NewQuestion(
                claim: title ?? "PredictionBook question \(id)", deadline: deadline,
                openedAtMilliseconds: opened.milliseconds, externalRef: ref))
            if isNew {
                summary.questionsAdded += 1
                if title == nil { untitled += 1 }
            }
            if let outcome, let resolvedOn {
                try TrackerForecasts.resolve(ledgerID, outcome: outcome, on: resolvedOn, isNewQuestion: isNew,
                                             writer: &writer, summary: &summary)
            }
            ledgerIDs[id] = ledgerID
            return (id, ledgerID)
        }
    }
}
