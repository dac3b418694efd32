import Foundation

/// The formats `foretell import --from` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// Interviews, articles and transcripts (`.txt`, `.md`, or folders of them): forecasts are
    /// extracted and stored with their quotes.
    case documents
    /// foretell's canonical CSV (``CanonicalCSV``).
    case csv
    /// The PredictionBook archive: `forecasts.csv`, with titles from `questions.csv` beside it.
    case predictionbook
    /// Fatebook's CSV export.
    case fatebook
    /// Metaculus's data export: a folder with `question_data.csv` and `forecast_data.csv`.
    case metaculus
    /// `foretell export --format json`, restored into an empty ledger (``JSONBackupImporter``).
    case json

    /// What a path is when `--from` is not given: a `.csv` file is foretell's CSV, a `.json` file
    /// a backup, a folder, a `.txt`/`.md` file or a file without an extension documents (a missing
    /// path too, so that reading it says it is missing). A file of any other kind (a PDF, an RTF
    /// file) is refused: read as a document it would import nothing and look like success.
    public static func guess(_ path: String) throws -> ImportFormat {
        let name = path.lowercased()
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".json") { return .json }
        let file = name.split(separator: "/").last ?? ""
        let ext = file.dropFirst().contains(".") ? file.split(separator: ".").last.map(String.init) : nil
        if ext.map(DocumentReader.documentExtensions.contains) ?? true || FileManager.default.isFolder(path)
            || !FileManager.default.fileExists(atPath: path) {
            return .documents
        }
        throw ImportError.unknownKind(path: path)
    }

    /// Opens what `path` names, before the ledger is touched, so that a missing file fails first.
    /// `documentDate` is the day documents without a date of their own were written.
    /// `engines` read documents (`--engine`).
    public func open(_ path: String, documentDate: Day? = nil, engines: DocumentEngines = .rules) throws -> any Importer {
        switch self {
        case .documents: return try DocumentImporter(path: path, defaultDate: documentDate, engines: engines)
        case .csv: return CanonicalCSVFile(reader: try CSVReader(path: path))
        case .predictionbook: return try PredictionBookImporter(path: path)
        case .fatebook: return try FatebookImporter(path: path)
        case .metaculus: return try MetaculusImporter(path: path)
        case .json: return try JSONBackupImporter(path: path)
        }
    }
}

/// One file (or export folder) being imported: it streams its rows into a ``LedgerWriter`` and
/// says what it added and what it skipped.
public protocol Importer {
    /// The path as given, for the summary.
    var source: String { get }
    /// How many bytes it will read, for a progress bar.
    var totalBytes: Int { get }
    /// Does the slow work that needs no write transaction (reading documents and finding their
    /// forecasts, which may take a language model minutes) before the caller takes the ledger's
    /// write lock, so that other writers are not kept waiting meanwhile. `ledger` may be read;
    /// `progress` gets the bytes read so far. Most importers have nothing to prepare.
    mutating func prepare(reading ledger: Ledger, progress: (Int) -> Void) throws
    /// Imports everything inside the caller's transaction; `progress` gets the bytes read so far.
    mutating func run(into writer: inout LedgerWriter, progress: (Int) -> Void) throws -> ImportSummary
}

extension Importer {
    public mutating func prepare(reading ledger: Ledger, progress: (Int) -> Void) throws {}
}

/// A canonical CSV file as an ``Importer``.
struct CanonicalCSVFile: Importer {
    let reader: CSVReader
    var importer = CanonicalCSVImporter()

    var source: String { reader.path }
    var totalBytes: Int { reader.fileSize }

    mutating func run(into writer: inout LedgerWriter, progress: (Int) -> Void) throws -> ImportSummary {
        try importer.run(reader, into: &writer, progress: progress)
    }
}

/// A path that is not what the chosen format reads. A usage error (exit 64), like a missing file.
public enum ImportError: ReportableError, Equatable {
    case notAnExportFolder(path: String, holding: [String])
    case unknownKind(path: String)

    public var isUsageError: Bool { true }

    public var description: String {
        switch self {
        case .notAnExportFolder(let path, let files):
            return "\(path) is not an export folder: name the folder holding \(files.joined(separator: " and "))"
        case .unknownKind(let path):
            return "cannot tell what \(path) is: foretell imports .txt and .md documents, .csv and .json exports;"
                + " name the format with --from (--from documents reads any text file)"
        }
    }
}

/// What the trackers' importers share: how a forecast known by the tracker's reference is stored
/// once, and how their fields are read.
struct TrackerForecasts {
    /// Forecasts with a higher id were recorded from the file being imported.
    private let lastIDBefore: Int64

    init(writer: LedgerWriter) throws {
        lastIDBefore = try writer.lastForecastID()
    }

    /// Records `forecast` under `ref` unless the ledger holds it already; returns whether it was added.
    ///
    /// Exports repeat rows now and then (the PredictionBook archive holds 20 rows twice or more).
    /// Each copy is a forecast the tracker stored, so the second copy in a file gets `ref#2`, the
    /// third `ref#3`: a row whose reference was recorded from this same file is another copy, while
    /// one recorded before the import began means the forecast is already in the ledger.
    mutating func record(_ forecast: NewForecast, ref: String, writer: inout LedgerWriter) throws -> Bool {
        var forecast = forecast
        forecast.externalRef = ref
        var copy = 1
        while true {
            if try writer.recordIfNew(forecast) != nil { return true }
            guard let existing = try writer.forecastID(externalRef: forecast.externalRef ?? ref),
                  existing > lastIDBefore else { return false }
            copy += 1
            forecast.externalRef = ref + "#" + String(copy)
        }
    }

    /// Adds a resolution event unless the question's current outcome is already this one.
    static func resolve(_ questionID: Int64, outcome: Outcome, on resolvedOn: Moment, isNewQuestion: Bool,
                        writer: inout LedgerWriter, summary: inout ImportSummary) throws {
        if !isNewQuestion, let current = try writer.currentResolution(questionID: questionID),
           current.outcome == outcome, current.resolvedOn == resolvedOn.text {
            return
        }
        _ = try writer.record(NewResolution(questionID: questionID, outcome: outcome, resolvedOn: resolvedOn))
        summary.resolutionsAdded += 1
    }
}

/// "1 forecast", "2 forecasts": counts in the summary's notes.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}

/// A problem with one row: the row is skipped and reported in the summary with its line.
struct RowProblem: Error {
    var reason: String

    init(reason: String) { self.reason = reason }
    init(_ reason: String) { self.reason = reason }
}

/// Reading the fields of trackers' exports, which are machine-written: no percentages or odds.
enum TrackerField {
    /// A probability written as a decimal number from 0 to 1.
    static func probability(_ text: String, column: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= 0, value <= 1 else {
            throw RowProblem(text.isEmpty ? "\(column) is empty" : "\(column) '\(text)' is not a probability from 0 to 1")
        }
        return value
    }

    /// A timestamp or a day.
    static func moment(_ text: String, column: String) throws -> Moment {
        guard let moment = Moment.parse(text) else {
            throw RowProblem(text.isEmpty ? "\(column) is empty" : "\(column) '\(text)' is not a date or time")
        }
        return moment
    }

    /// A timestamp or a day, or nil for an empty field.
    static func optionalMoment(_ text: String, column: String) throws -> Moment? {
        text.isEmpty ? nil : try moment(text, column: column)
    }

    /// Text that must not be empty, trimmed.
    static func text(_ text: String, column: String) throws -> String {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw RowProblem("\(column) is empty") }
        return trimmed
    }

    /// A positive whole number, such as a tracker's question id.
    static func id(_ text: String, column: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw RowProblem(text.isEmpty ? "\(column) is empty" : "\(column) '\(text)' is not a positive whole number")
        }
        return id
    }
}

extension ImportSummary {
    /// Reports the row at `line` as skipped when `error` is a problem with that row (a
    /// ``RowProblem`` or an invalid value); any other error fails the whole import and is rethrown.
    mutating func skip(line: Int, file: String? = nil, because error: any Error) throws {
        switch error {
        case let problem as RowProblem: skipped.append(Skipped(line: line, reason: problem.reason, file: file))
        case let problem as InputError: skipped.append(Skipped(line: line, reason: problem.description, file: file))
        default: throw error
        }
    }
}

extension FileManager {
    /// Whether `path` names a folder.
    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
