import ArgumentParser
import ForetellKit

/// Which engine reads documents, and how to reach the language model (`extract` and `import`).
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: "rules (default: offline), llm (a language model you run), or both (merged).")
    var engine: ExtractionEngine = .rules

    @Option(name: .customLong("llm-url"),
            help: "The model server's OpenAI-compatible base URL (default: $FORETELL_LLM_URL, $OPENAI_BASE_URL, http://localhost:11434/v1).")
    var llmURL: String?

    @Option(name: .customLong("llm-model"), help: "The model's name on that server (default: $FORETELL_LLM_MODEL).")
    var llmModel: String?

    @Flag(name: .customLong("no-cache"), help: "Ask the model again instead of reusing its cached answers.")
    var noCache = false

    /// The engines, with the language model's settings resolved and checked before any document is
    /// read. The API key comes only from the environment ($FORETELL_LLM_API_KEY, $OPENAI_API_KEY):
    /// a flag would leave it in the shell's history and the process list.
    /// `status`, when given, shows on a terminal which chunk the model is reading.
    func engines(status: ModelStatusLine? = nil) throws -> DocumentEngines {
        guard engine != .rules else {
            if llmURL != nil || llmModel != nil || noCache {
                throw ValidationError("--llm-url, --llm-model and --no-cache need --engine llm or --engine both")
            }
            return .rules
        }
        let settings = try LanguageModelSettings.resolve(url: llmURL, model: llmModel, noCache: noCache)
        let model = LanguageModelExtractor(settings: settings)
        if let status {
            model.chunkStarted = { source, chunk, count in
                status.show(model: settings.model, source: source, chunk: chunk, of: count)
            }
        }
        return DocumentEngines(engine: engine, languageModel: model)
    }
}

extension ExtractionEngine: ExpressibleByArgument {}
