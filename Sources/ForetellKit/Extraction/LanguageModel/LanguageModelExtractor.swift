import Crypto
import Foundation

/// Finds forecasts with a language model the user already runs, behind an OpenAI-compatible
/// server, trusting nothing it says that the document does not show (`AnswerCheck`).
///
/// A document goes in chunks along its layout blocks (`DocumentChunk`), each with the header
/// facts; answers come from the cache when the same chunk was asked before. A chunk that fails
/// on its own (a timeout, a 5xx after retries, an answer that is not JSON) is a warning and the
/// next chunk is asked; a failure every chunk would meet (no server, a refused key, an unknown
/// model) stops at once. A document of which no chunk could be read is an error, so that nothing
/// half-read is stored.
public final class LanguageModelExtractor {
    public let settings: LanguageModelSettings
    private let client: ChatCompletionsClient
    private let cache: AnswerCache
    var chunkSize = DocumentChunk.defaultSize
    /// How many chunks were answered from the cache and by the server, for tests and `--explain`.
    public private(set) var cachedAnswers = 0
    public private(set) var askedAnswers = 0
    /// Called before each chunk is read, with the document's name, the chunk's number (from 1)
    /// and how many there are: a local model may take a minute a chunk, and the command line
    /// says which one it waits for.
    public var chunkStarted: ((_ source: String, _ number: Int, _ count: Int) -> Void)?

    public init(settings: LanguageModelSettings) {
        self.settings = settings
        client = ChatCompletionsClient(settings: settings)
        cache = AnswerCache(settings: settings)
    }

    public func extract(_ document: Document, defaultDate: Day? = nil) throws(LanguageModelError) -> ExtractionResult {
        let dates = DocumentDates.find(in: document)
        let facts = HeaderFacts(document: document, dates: dates)
        let check = AnswerCheck(document: document, dates: dates, facts: facts, defaultDate: defaultDate, model: settings.model)
        let documentHash = Array(SHA256.hash(data: Array(document.fullText.utf8))).hexString
        let chunks = DocumentChunk.split(document.fullText, size: chunkSize)

        var forecasts: [ExtractedForecast] = []
        var warnings: [String] = []
        var dropped: [DroppedAnswer] = []
        var lastFailure: LanguageModelError?
        var answered = 0
        for chunk in chunks {
            chunkStarted?(document.source, chunk.index + 1, chunks.count)
            let answers: [ModelAnswer]
            do {
                answers = try answer(chunk, of: chunks.count, facts: facts, documentHash: documentHash)
            } catch where error.isPerChunk {
                warnings.append("\(document.source): lines \(chunk.firstLine)-\(chunk.lastLine) skipped: \(error)")
                lastFailure = error
                continue
            }
            answered += 1
            for item in answers {
                switch check.check(item) {
                case let .kept(forecast, note):
                    // The overlap between chunks shows some forecasts twice.
                    guard !forecasts.contains(where: { $0.line == forecast.line && $0.quote == forecast.quote }) else { continue }
                    forecasts.append(forecast)
                    if let note { warnings.append("\(document.source):\(forecast.line): probability corrected: \(note)") }
                case .dropped(let reason):
                    dropped.append(DroppedAnswer(source: document.source, quote: item.quote ?? "", reason: reason,
                                                 chunk: chunk.index + 1))
                }
            }
        }
        if answered == 0, let lastFailure { throw lastFailure }
        if !dropped.isEmpty {
            warnings.append("\(document.source): \(dropped.count) of the model's \(dropped.count + forecasts.count) answers "
                + "dropped by the checks against the document (--explain lists them)")
        }
        if dates.published == nil, dates.event == nil, defaultDate == nil, !forecasts.isEmpty {
            warnings.append("\(document.source): the document gives no date; made_on and relative deadlines are "
                + "null (give --date YYYY-MM-DD)")
        }
        forecasts.sort { $0.line < $1.line }
        return ExtractionResult(forecasts: forecasts, warnings: warnings, dates: dates, dropped: dropped)
    }

    private func answer(_ chunk: DocumentChunk, of count: Int, facts: HeaderFacts,
                        documentHash: String) throws(LanguageModelError) -> [ModelAnswer] {
        let key = AnswerCache.key(documentHash: documentHash, model: settings.model, chunk: chunk)
        if let content = cache.read(key), let answers = try? ModelAnswer.parse(content) {
            cachedAnswers += 1
            return answers
        }
        let content = try client.complete(
            system: LanguageModelPrompt.system, user: LanguageModelPrompt.user(facts: facts, chunk: chunk, chunkCount: count),
            schema: LanguageModelPrompt.schema)
        askedAnswers += 1
        let answers = try ModelAnswer.parse(content)
        cache.write(key, content: content)
        return answers
    }
}

/// `--engine both`: the rules' forecasts, and the model's that the rules did not find. A forecast
/// both found is the rules' reading (deterministic, and the one the dev set scores), marked as
/// found by both.
public enum EngineMerge {
    public static func merge(rules: ExtractionResult, model: ExtractionResult) -> ExtractionResult {
        var merged = rules
        for forecast in model.forecasts {
            if let same = merged.forecasts.firstIndex(where: { isSame($0, forecast) }) {
                merged.forecasts[same].foundBy = .both
                merged.forecasts[same].model = forecast.model
            } else {
                merged.forecasts.append(forecast)
            }
        }
        merged.forecasts.sort { $0.line < $1.line }
        merged.warnings += model.warnings.filter { !merged.warnings.contains($0) }
        merged.dropped = model.dropped
        return merged
    }

    /// The same statement: one quote holds the other (or they start on the same line), and the
    /// claims share content words or the probabilities agree.
    static func isSame(_ a: ExtractedForecast, _ b: ExtractedForecast) -> Bool {
        guard a.foundBy == .rules else { return false }
        let foldedA = String(FoldedText.folded(a.quote))
        let foldedB = String(FoldedText.folded(b.quote))
        guard a.line == b.line || foldedA.contains(foldedB) || foldedB.contains(foldedA) else { return false }
        if let p = a.probability, let q = b.probability, abs(p - q) < 0.005 { return true }
        let wordsA = ForecastIdentity.keywords(a.claim)
        let wordsB = ForecastIdentity.keywords(b.claim)
        let smaller = min(wordsA.count, wordsB.count)
        return smaller > 0 && Double(wordsA.intersection(wordsB).count) / Double(smaller) >= 0.5
    }
}
