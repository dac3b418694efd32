import Crypto
import Foundation

/// Stores the forecasts found in documents (a file, or a folder of `.txt`/`.md` files), each with
/// its quote and line as provenance.
///
/// A document is known by the SHA-256 of its text, so importing it again (under any name) adds
/// nothing. A forecast that an earlier document already gave gains this document as a second
/// source instead of becoming a second forecast, only when owner, proposition, probability and
/// deadline all agree; any other forecast is recorded, on the question of an earlier one only when
/// its claim is the same proposition (``Proposition``) with the same deadline. Nothing extracted
/// is lost. Forecasts without an owner, a probability or a date are reported, not guessed.
public struct DocumentImporter: Importer {
    private struct Known {
        var forecastID: Int64
        var questionID: Int64
        var owner: String
        var probability: Double
        var proposition: Proposition
        var deadline: Day?

        func isSameQuestion(_ proposition: Proposition, deadline: Day?) -> Bool {
            self.deadline == deadline && self.proposition.isSame(as: proposition)
        }

        func isSameForecast(owner: String, probability: Double, _ proposition: Proposition, deadline: Day?) -> Bool {
            !owner.isEmpty && self.owner == owner && self.probability == probability
                && isSameQuestion(proposition, deadline: deadline)
        }
    }

    public let source: String
    public let totalBytes: Int
    private let files: [String]
    private let listingWarnings: [String]
    private let defaultDate: Day?
    private let engines: DocumentEngines
    private var known: [Known] = []
    /// Each file as ``prepare(reading:progress:)`` read it, in order; nil before it ran.
    private var prepared: [ReadDocument]?

    /// A document's text, the hash it is known by, and what the engines found in it: nil when the
    /// ledger already held a document with that text before the transaction, so that a language
    /// model does not read it again, or when the import was not prepared.
    private struct ReadDocument {
        var file: String
        var text: String
        var sha256: String
        var extraction: ExtractionResult?

        init(file: String) throws {
            self.file = file
            text = try DocumentReader.read(file)
            sha256 = Array(SHA256.hash(data: Array(text.utf8))).hexString
        }
    }

    private static func size(of file: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    }

    /// Lists the documents before the ledger is touched, so that a missing path fails first.
    public init(path: String, defaultDate: Day?, engines: DocumentEngines = .rules) throws {
        let listing = try DocumentReader.list([path])
        self.source = path
        self.files = listing.files
        self.listingWarnings = listing.warnings
        self.defaultDate = defaultDate
        self.engines = engines
        self.totalBytes = listing.files.reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    /// Reads every document and finds its forecasts, outside the write transaction: a language
    /// model may take minutes, and a team ledger's other writers would wait for all of them.
    public mutating func prepare(reading ledger: Ledger, progress: (Int) -> Void) throws {
        var documents: [ReadDocument] = []
        // What each text gave: a second file with the same text is not read again.
        var extractions: [String: ExtractionResult] = [:]
        var bytesDone = 0
        for file in files {
            var document = try ReadDocument(file: file)
            if let earlier = extractions[document.sha256] {
                document.extraction = earlier
            } else if !(try ledger.documentExists(sha256: document.sha256)) {
                // A language model that fails throws here, before the transaction: nothing is stored.
                document.extraction = try engines.extract(Document(source: file, text: document.text), defaultDate: defaultDate)
                extractions[document.sha256] = document.extraction
            }
            documents.append(document)
            bytesDone += Self.size(of: file)
            progress(bytesDone)
        }
        prepared = documents
    }

    public mutating func run(into writer: inout LedgerWriter, progress: (Int) -> Void) throws -> ImportSummary {
        var summary = ImportSummary(source: source)
        summary.notes = listingWarnings
        known = try writer.documentForecasts().map {
            Known(forecastID: $0.forecastID, questionID: $0.questionID, owner: ForecastIdentity.ownerKey($0.owner),
                  probability: $0.probability, proposition: Proposition($0.claim), deadline: $0.deadline)
        }
        let ownersBefore = try writer.ownerCount()
        var bytesDone = 0
        for document in try prepared ?? files.map(ReadDocument.init(file:)) {
            try importDocument(document, into: &writer, summary: &summary)
            bytesDone += Self.size(of: document.file)
            progress(bytesDone)
        }
        summary.ownersAdded = try writer.ownerCount() - ownersBefore
        return summary
    }

    private mutating func importDocument(_ document: ReadDocument, into writer: inout LedgerWriter, summary: inout ImportSummary) throws {
        let file = document.file, sha256 = document.sha256
        // Checked again inside the transaction: another foretell may have imported it meanwhile,
        // and the second of two files with the same text finds the first here.
        if try writer.documentExists(sha256: sha256) {
            summary.notes.append("\(file) (or a document with the same text) was imported before: nothing to add")
            return
        }
        // Not read yet when the import was not prepared (or the ledger held the document then
        // and no longer does, which only an edit behind foretell's back can do).
        let result = try document.extraction
            ?? engines.extract(Document(source: file, text: document.text), defaultDate: defaultDate)
        summary.notes.append(contentsOf: result.warnings)
        let skippedFile = files.count > 1 ? file : nil
        for forecast in result.forecasts {
            summary.rowsRead += 1
            guard let owner = forecast.owner else {
                summary.skipped.append(.init(line: forecast.line, reason: "no owner for “\(forecast.claim)”", file: skippedFile))
                continue
            }
            guard let probability = forecast.probability else {
                summary.skipped.append(.init(line: forecast.line, reason: "no probability for “\(forecast.claim)”", file: skippedFile))
                continue
            }
            guard let madeOn = forecast.madeOn else {
                summary.skipped.append(.init(line: forecast.line, reason: "the document has no date: pass --date YYYY-MM-DD",
                                             file: skippedFile))
                continue
            }
            let source = NewSource(path: file, sha256: sha256, quote: forecast.quote, line: forecast.line,
                                   engine: forecast.foundBy.rawValue, model: forecast.model)
            let ownerKey = ForecastIdentity.ownerKey(owner)
            let proposition = Proposition(forecast.claim)
            if let same = known.first(where: {
                $0.isSameForecast(owner: ownerKey, probability: probability, proposition, deadline: forecast.deadline)
            }) {
                if try writer.attach(source, to: same.forecastID) { summary.sourcesAdded += 1 }
                summary.alreadyPresent += 1
                continue
            }
            let questionID: Int64
            if let sameQuestion = known.first(where: { $0.isSameQuestion(proposition, deadline: forecast.deadline) }) {
                questionID = sameQuestion.questionID
            } else {
                questionID = try writer.record(NewQuestion(
                    claim: forecast.claim, deadline: forecast.deadline, earliest: forecast.earliest,
                    openedAtMilliseconds: madeOn.startMilliseconds))
                summary.questionsAdded += 1
            }
            let forecastID = try writer.record(NewForecast(
                questionID: questionID, owner: owner, probability: probability,
                probabilityLow: forecast.probabilityLow, probabilityHigh: forecast.probabilityHigh,
                basis: forecast.basis ?? .numeric, madeOn: Moment(day: madeOn)))
            summary.forecastsAdded += 1
            if try writer.attach(source, to: forecastID) { summary.sourcesAdded += 1 }
            known.append(Known(forecastID: forecastID, questionID: questionID, owner: ownerKey, probability: probability,
                               proposition: proposition, deadline: forecast.deadline))
        }
    }
}
