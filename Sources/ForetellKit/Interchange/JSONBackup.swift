import Foundation

/// Restores `foretell export --format json` into an empty ledger: every question with its tags,
/// every forecast with its note, range, basis, reference and recorded time, every source with its
/// quote, line and document hash, and every resolution event with its note (the correction
/// history). Ids and recorded times are kept, so exporting the restored ledger gives the same
/// bytes, and `verify` passes: the journal is rebuilt from the restored rows.
///
/// A ledger that already holds questions is refused, unless it already is this backup (restoring
/// again adds nothing): merging a backup into other history would renumber it, and that is no
/// longer a restore. A file that is not such an export is an error.
public struct JSONBackupImporter: Importer {
    public let source: String
    public let totalBytes: Int
    private let questions: [BackupQuestion]
    /// The file's bytes: a ledger that exports to exactly these already is this backup.
    private let bytes: Data

    /// Reads and checks the whole file before the ledger is touched.
    public init(path: String) throws {
        source = path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BackupError.unreadable(path: path)
        }
        totalBytes = data.count
        bytes = data
        do {
            questions = try JSONDecoder().decode([BackupQuestion].self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            throw BackupError.notABackup(path: path, reason: "\(Self.place(context)) has no \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            guard !context.codingPath.isEmpty else {
                throw BackupError.notABackup(path: path, reason: "it is not a JSON array of questions")
            }
            throw BackupError.notABackup(path: path, reason: "\(Self.place(context)) is not what an export holds there")
        } catch {
            throw BackupError.notABackup(path: path, reason: "it is not a JSON array of questions")
        }
    }

    public mutating func run(into writer: inout LedgerWriter, progress: (Int) -> Void) throws -> ImportSummary {
        var summary = ImportSummary(source: source)
        let held = try writer.questionCount()
        if held > 0 {
            // Restoring the same backup again adds nothing, as importing any file again does.
            var export = Data()
            try QuestionJSON.export(writer) { export.append(contentsOf: $0.utf8) }
            guard export == bytes else { throw BackupError.ledgerNotEmpty(path: source, questions: held) }
            summary.rowsRead = questions.count
            summary.alreadyPresent = questions.count
            summary.notes.append("the ledger already holds exactly this backup: nothing to add")
            return summary
        }
        let ownersBefore = try writer.ownerCount()

        for question in questions {
            summary.rowsRead += 1
            writer.restoring(recordedAt: question.recordedAt ?? writer.recordedAt)
            let id = try writer.record(NewQuestion(
                id: question.id, claim: question.claim, deadline: try question.deadline.map { try Self.day($0) },
                earliest: try question.earliest.map { try Self.day($0) },
                openedAtMilliseconds: question.openedAtMilliseconds ?? question.firstForecastMilliseconds,
                tags: question.tags, externalRef: question.externalRef))
            if id != question.id { summary.notes.append("question \(question.id) of the backup is question \(id) here") }
            summary.questionsAdded += 1
        }

        // Forecasts and resolutions in the order they were first recorded, so that they get the
        // same ids (SQLite gives the highest plus one).
        let forecasts = questions.flatMap { question in question.forecasts.map { (question.id, $0) } }.sorted { $0.1.id < $1.1.id }
        var restoredIDs: [Int64: Int64] = [:]
        for (questionID, forecast) in forecasts {
            writer.restoring(recordedAt: forecast.recordedAt)
            guard let basis = ProbabilityBasis(rawValue: forecast.basis) else {
                throw BackupError.notABackup(path: source, reason: "forecast \(forecast.id) has basis '\(forecast.basis)'")
            }
            let id = try writer.record(NewForecast(
                questionID: questionID, owner: forecast.owner, probability: forecast.probability,
                probabilityLow: forecast.probabilityLow, probabilityHigh: forecast.probabilityHigh, basis: basis,
                madeOn: try Self.moment(forecast.madeOn), note: forecast.note, externalRef: forecast.externalRef,
                backfilled: forecast.backfilled ?? false))
            if id != forecast.id { summary.notes.append("forecast \(forecast.id) of the backup is forecast \(id) here") }
            restoredIDs[forecast.id] = id
            summary.forecastsAdded += 1
        }
        let resolutions = questions.flatMap { question in question.resolutions.map { (question.id, $0) } }.sorted { $0.1.id < $1.1.id }
        for (questionID, resolution) in resolutions {
            writer.restoring(recordedAt: resolution.recordedAt)
            guard let outcome = Outcome(rawValue: resolution.outcome) else {
                throw BackupError.notABackup(path: source, reason: "resolution \(resolution.id) has outcome '\(resolution.outcome)'")
            }
            let id = try writer.record(NewResolution(
                questionID: questionID, outcome: outcome, resolvedOn: try Self.moment(resolution.resolvedOn), note: resolution.note))
            if id != resolution.id { summary.notes.append("resolution \(resolution.id) of the backup is resolution \(id) here") }
            summary.resolutionsAdded += 1
        }
        // Sources last, in the order of their documents' ids: documents are created as first
        // attached, so they come back in the same order and a forecast lists its sources as before.
        var sources: [(order: Int64, forecastID: Int64, BackupSource)] = []
        for (_, forecast) in forecasts {
            let id = restoredIDs[forecast.id] ?? forecast.id
            for source in forecast.sources { sources.append((source.documentID ?? Int64(sources.count), id, source)) }
        }
        sources.sort { ($0.order, $0.forecastID) < ($1.order, $1.forecastID) }
        for (_, forecastID, source) in sources {
            let new = NewSource(path: source.path, sha256: source.sha256, quote: source.quote, line: source.line,
                                engine: source.engine, model: source.model)
            if try writer.attach(new, to: forecastID) { summary.sourcesAdded += 1 }
        }
        summary.ownersAdded = try writer.ownerCount() - ownersBefore
        progress(totalBytes)
        return summary
    }

    private static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw InputError.invalidValue(field: "day", value: text, expected: "YYYY-MM-DD") }
        return day
    }

    private static func moment(_ text: String) throws -> Moment {
        guard let moment = Moment.parse(text) else {
            throw InputError.invalidValue(field: "date", value: text, expected: "YYYY-MM-DD or an ISO 8601 timestamp")
        }
        return moment
    }

    /// Where in the file a decoding problem is: "question 3", "forecast 2 of question 3".
    private static func place(_ context: DecodingError.Context) -> String {
        let indices = context.codingPath.compactMap(\.intValue)
        guard let question = indices.first else { return "the top level" }
        return "question \(question + 1) in the file" + (indices.count > 1 ? " (item \(indices[1] + 1) of a list)" : "")
    }
}

/// A backup that cannot be restored.
public enum BackupError: ReportableError, Equatable {
    case unreadable(path: String)
    case notABackup(path: String, reason: String)
    case ledgerNotEmpty(path: String, questions: Int)

    public var isUsageError: Bool {
        switch self {
        case .unreadable, .notABackup: return true
        case .ledgerNotEmpty: return false
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read \(path)"
        case .notABackup(let path, let reason):
            return "\(path) is not a backup made by 'foretell export --format json': \(reason)"
        case .ledgerNotEmpty(let path, let questions):
            return "\(path) restores a whole ledger, and this one already holds \(questions) question\(questions == 1 ? "" : "s"):"
                + " restore into a new ledger (--db NEW.sqlite)"
        }
    }
}

/// One question of `export --format json`, as ``QuestionJSON/json(_:)`` writes it.
private struct BackupQuestion: Decodable {
    var id: Int64
    var claim: String
    var deadline: String?
    var earliest: String?
    var tags: [String]
    var externalRef: String?
    var openedAtMilliseconds: Int64?
    var recordedAt: String?
    var forecasts: [BackupForecast]
    var resolutions: [BackupResolution]

    /// For exports made before `opened_at_ms` was written: the question opened with its first forecast.
    var firstForecastMilliseconds: Int64 {
        forecasts.compactMap { Moment.parse($0.madeOn)?.milliseconds }.min() ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case id = "question_id", claim, deadline, earliest, tags, externalRef = "external_ref"
        case openedAtMilliseconds = "opened_at_ms", recordedAt = "recorded_at", forecasts, resolutions
    }
}

private struct BackupForecast: Decodable {
    var id: Int64
    var owner: String
    var probability: Double
    var probabilityLow: Double?
    var probabilityHigh: Double?
    var basis: String
    var madeOn: String
    var sources: [BackupSource]
    var note: String?
    var externalRef: String?
    var recordedAt: String
    /// Absent from exports made before backfilled forecasts existed.
    var backfilled: Bool?

    enum CodingKeys: String, CodingKey {
        case id = "forecast_id", owner, backfilled, probability, probabilityLow = "probability_low", probabilityHigh = "probability_high"
        case basis, madeOn = "made_on", sources, note, externalRef = "external_ref", recordedAt = "recorded_at"
    }
}

private struct BackupSource: Decodable {
    var path: String
    var quote: String
    var line: Int?
    var sha256: String?
    var documentID: Int64?
    /// Which engine (and model) found the quote; absent from exports made before they were kept.
    var engine: String?
    var model: String?

    enum CodingKeys: String, CodingKey {
        case path = "source", quote, line, sha256, documentID = "document_id", engine, model
    }
}

private struct BackupResolution: Decodable {
    var id: Int64
    var outcome: String
    var resolvedOn: String
    var note: String?
    var recordedAt: String

    enum CodingKeys: String, CodingKey {
        case id = "resolution_id", outcome, resolvedOn = "resolved_on", note, recordedAt = "recorded_at"
    }
}
