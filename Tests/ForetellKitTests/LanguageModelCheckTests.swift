@testable import ForetellKit
import Foundation
import Testing

/// The checks a language model's answers pass before anything is shown or stored, and the chunks
/// a document is sent in. No server: answers are written here as a model would write them.
@Suite("language model: checks and chunks")
struct LanguageModelCheckTests {
    static let text = """
        ---
        author: Dana Whitfield
        date: 2026-03-02
        ---
        Maria Okafor: I think there is a 70% chance that solar will supply a quarter of Europe’s power by 2030.

        Tomás Reyes: It is *not very likely* that fusion reaches the grid within ten years.
        """

    func check(_ answer: ModelAnswer) -> AnswerCheck.Verdict {
        let document = Document(source: "panel.md", text: Self.text)
        let dates = DocumentDates.find(in: document)
        return AnswerCheck(document: document, dates: dates, facts: HeaderFacts(document: document, dates: dates),
                           defaultDate: nil, model: "m").check(answer)
    }

    func kept(_ answer: ModelAnswer) -> ExtractedForecast? {
        if case .kept(let forecast, _) = check(answer) { return forecast }
        return nil
    }

    @Test("a quote is found after folding white space, quote marks, case and emphasis; the document's words are kept")
    func folding() {
        let forecast = kept(ModelAnswer(owner: "Tomás Reyes", claim: "Fusion reaches the grid within ten years.",
                                        probabilityWords: "not very likely",
                                        quote: "\"It is not very  likely that Fusion reaches the grid\nwithin ten years.\""))
        #expect(forecast?.quote == "It is *not very likely* that fusion reaches the grid within ten years.")
        #expect(forecast?.line == 7)
        // "not very likely": "very likely" (90) negated, through the rules' own scale.
        #expect(forecast?.probability == ProbabilityPhrases.parse("not very likely")?.value)
        #expect((forecast?.probability ?? 1) < 0.5)
    }

    @Test("a quote shortened with an ellipsis is found piece by piece")
    func ellipsis() {
        let forecast = kept(ModelAnswer(owner: "Maria Okafor", claim: "Solar supplies a quarter of Europe's power by 2030.",
                                        probabilityWords: "70%", quote: "I think there is a 70% chance … by 2030."))
        #expect(forecast?.quote == "I think there is a 70% chance that solar will supply a quarter of Europe’s power by 2030.")
    }

    @Test("invented words are dropped: a quote not in the text, a short one, an owner not named")
    func drops() {
        #expect(check(ModelAnswer(owner: "Maria Okafor", claim: "c", quote: "Solar will certainly win by 2030.")) == .dropped(.quoteNotInDocument))
        #expect(check(ModelAnswer(owner: "Maria Okafor", claim: "c", quote: "by 2030")) == .dropped(.quoteNotInDocument))
        #expect(check(ModelAnswer(owner: "Maria Okafor", claim: "c")) == .dropped(.noQuote))
        #expect(check(ModelAnswer(owner: "Elon Musk", claim: "c", probabilityWords: "70%",
                                  quote: "there is a 70% chance that solar will supply")) == .dropped(.ownerNotInDocument("Elon Musk")))
    }

    @Test("the probability is the quote's: words not in it are ignored, a quote without a degree is dropped")
    func probability() {
        let forecast = kept(ModelAnswer(owner: "Okafor Maria", claim: "c", probability: 0.95, probabilityWords: "95%",
                                        quote: "there is a 70% chance that solar will supply a quarter"))
        #expect(forecast?.probability == 0.7)
        #expect(forecast?.owner == "Okafor Maria")
        #expect(check(ModelAnswer(owner: "Maria Okafor", claim: "c", probability: 0.6, probabilityWords: "likely",
                                  quote: "that solar will supply a quarter of Europe’s power")) == .dropped(.noDegreeInQuote(modelSaid: 0.6)))
    }

    @Test("made_on and the deadline come from the document's date and the quoted words, never the model's dates")
    func dates() {
        // The model says nothing usable about dates; the rules compute them.
        let forecast = kept(ModelAnswer(owner: "author", claim: "c", probabilityWords: "70%", saidWhen: "yesterday",
                                        deadlineWords: "2031-01-01",
                                        quote: "I think there is a 70% chance that solar will supply a quarter of Europe’s power by 2030."))
        #expect(forecast?.owner == "Dana Whitfield")
        #expect(forecast?.madeOn == Day(iso: "2026-03-02"))
        #expect(forecast?.deadline == Day(iso: "2030-12-31"))
    }

    @Test("answers in a code fence, a bare list, or not JSON at all")
    func parsing() throws {
        #expect(try ModelAnswer.parse("```json\n{\"forecasts\": [{\"quote\": \"q\", \"probability\": 70}]}\n```")
                == [ModelAnswer(probability: 0.7, quote: "q")])
        #expect(try ModelAnswer.parse("[{\"owner\": \"A\", \"said_when\": null}]") == [ModelAnswer(owner: "A")])
        #expect(throws: LanguageModelError.self) { try ModelAnswer.parse("Here you go: none") }
        // Cut off by the token limit: the whole items are kept.
        #expect(try ModelAnswer.parse("{\"forecasts\": [{\"quote\": \"a\"}, {\"quote\": \"b\"}, {\"quote\": \"c")
                == [ModelAnswer(quote: "a"), ModelAnswer(quote: "b")])
    }

    @Test("chunks follow layout blocks, overlap, and cover every line")
    func chunks() {
        let paragraphs = (1...30).map { "Paragraph \($0) " + String(repeating: "word ", count: 30) }
        let text = paragraphs.joined(separator: "\n\n")
        let chunks = DocumentChunk.split(text, size: 1_000, overlap: 200)
        #expect(chunks.count > 4)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var covered = Set<Int>()
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.text.count <= 1_000)
            // Each chunk starts at a paragraph, never inside one.
            #expect(chunk.text.hasPrefix("Paragraph "))
            covered.formUnion(chunk.firstLine...chunk.lastLine)
            if index > 0 { #expect(chunk.firstLine <= chunks[index - 1].lastLine, "chunk \(index) overlaps the one before") }
        }
        #expect(covered.isSuperset(of: Set((1...lines.count).filter { !lines[$0 - 1].isEmpty })))
    }

    @Test("settings: flags beat foretell's variables, which beat OpenAI's; the key is never described")
    func settings() throws {
        let environment = ["OPENAI_BASE_URL": "https://api.example.com/v1", "OPENAI_API_KEY": "sk-secret",
                           "FORETELL_LLM_MODEL": "small", "XDG_CACHE_HOME": "/tmp/llm-xdg"]
        let settings = try LanguageModelSettings.resolve(url: nil, model: nil, noCache: false, environment: environment)
        #expect(settings.baseURL.absoluteString == "https://api.example.com/v1")
        #expect(settings.completionsURL.absoluteString == "https://api.example.com/v1/chat/completions")
        #expect(settings.model == "small")
        #expect(settings.hasAPIKey)
        #expect(settings.cacheFolder?.path == "/tmp/llm-xdg/foretell")
        #expect(!String(describing: settings).contains("sk-secret"))
        #expect(!String(reflecting: settings).contains("sk-secret"))
        var dumped = ""
        dump(settings, to: &dumped)
        #expect(!dumped.contains("sk-secret"))
        let flags = try LanguageModelSettings.resolve(url: "http://127.0.0.1:9/v1/", model: "big", noCache: true,
                                                     environment: ["FORETELL_LLM_URL": "http://x/v1", "HOME": "/h"])
        #expect(flags.completionsURL.absoluteString == "http://127.0.0.1:9/v1/chat/completions")
        #expect(flags.cacheFolder == nil)
        let plain = try LanguageModelSettings.resolve(url: nil, model: "m", noCache: false, environment: ["HOME": "/h"])
        #expect(plain.baseURL.absoluteString == "http://localhost:11434/v1")
        #expect(plain.cacheFolder?.path == "/h/.cache/foretell")
        #expect(throws: LanguageModelError.badURL("ftp://x")) {
            try LanguageModelSettings.resolve(url: "ftp://x", model: "m", noCache: false, environment: [:])
        }
    }
}
