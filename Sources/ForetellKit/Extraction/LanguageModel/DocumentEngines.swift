/// The engine or engines `extract` and `import` read documents with (`--engine`).
public struct DocumentEngines {
    public let engine: ExtractionEngine
    /// Present for `llm` and `both`.
    public let languageModel: LanguageModelExtractor?

    public static var rules: DocumentEngines { DocumentEngines(engine: .rules, languageModel: nil) }

    public init(engine: ExtractionEngine, languageModel: LanguageModelExtractor?) {
        self.engine = engine
        self.languageModel = engine == .rules ? nil : languageModel
    }

    public func extract(_ document: Document, defaultDate: Day?) throws(LanguageModelError) -> ExtractionResult {
        switch (engine, languageModel) {
        case (.llm, let model?):
            return try model.extract(document, defaultDate: defaultDate)
        case (.both, let model?):
            let rules = Extractor.extract(document, defaultDate: defaultDate)
            return EngineMerge.merge(rules: rules, model: try model.extract(document, defaultDate: defaultDate))
        default:
            return Extractor.extract(document, defaultDate: defaultDate)
        }
    }
}
