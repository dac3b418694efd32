/// A question with its whole history as JSON: what `list`, `show` and `export --format json` print,
/// and what `import --from json` restores (``JSONBackupImporter``). One form for all of them, so a
/// backup is exactly what a script sees.
public enum QuestionJSON {
    /// A question with its whole history. Holds the contract's keys (`question_id`, `claim`,
    /// `deadline`, `outcome`, `tags`, `forecasts` with `forecast_id`, `owner`, `probability`,
    /// `made_on`, `source`, `quote`) and more.
    public static func json(_ question: QuestionHistory) -> JSONValue {
        let current = question.currentResolution
        return .object([
            ("question_id", .int(question.id)),
            ("claim", .string(question.claim)),
            ("deadline", .optional(question.deadline?.description)),
            ("earliest", .optional(question.earliest?.description)),
            ("outcome", .optional(current?.outcome.rawValue)),
            ("resolved_on", .optional(current?.resolvedOn)),
            ("tags", .array(question.tags.map { .string($0) })),
            ("external_ref", .optional(question.externalRef)),
            ("opened_at_ms", .int(question.openedAtMilliseconds)),
            ("recorded_at", .string(question.recordedAt)),
            ("forecasts", .array(question.forecasts.map(json))),
            ("resolutions", .array(question.resolutions.map(json))),
        ])
    }

    public static func json(_ forecast: ForecastEntry) -> JSONValue {
        let first = forecast.sources.first
        return .object([
            ("forecast_id", .int(forecast.id)),
            ("owner", .string(forecast.owner)),
            ("probability", .number(forecast.probability)),
            ("probability_low", .optional(forecast.probabilityLow)),
            ("probability_high", .optional(forecast.probabilityHigh)),
            ("basis", .string(forecast.basis.rawValue)),
            ("made_on", .string(forecast.madeOn)),
            ("source", .optional(first?.path)),
            ("quote", .optional(first?.quote)),
            ("sources", .array(forecast.sources.map { source in
                .object([("source", .string(source.path)), ("quote", .string(source.quote)), ("line", .optional(source.line)),
                         ("sha256", .optional(source.sha256)), ("document_id", .optional(source.documentID)),
                         ("engine", .optional(source.engine)), ("model", .optional(source.model))])
            })),
            ("note", .optional(forecast.note)),
            ("external_ref", .optional(forecast.externalRef)),
            ("recorded_at", .string(forecast.recordedAt)),
            ("backfilled", .bool(forecast.backfilled)),
        ])
    }

    public static func json(_ resolution: ResolutionEvent) -> JSONValue {
        .object([
            ("resolution_id", .int(resolution.id)),
            ("outcome", .string(resolution.outcome.rawValue)),
            ("resolved_on", .string(resolution.resolvedOn)),
            ("note", .optional(resolution.note)),
            ("recorded_at", .string(resolution.recordedAt)),
        ])
    }

    /// The JSON export: an array of every question with its whole history, written a batch of
    /// questions at a time so that a large ledger is never held in memory at once.
    public static func export(_ ledger: Ledger, write: (String) -> Void) throws {
        var array = ArrayText()
        write("[")
        try ledger.eachQuestionBatch { write(array.elements($0)) }
        write(array.closing)
    }

    /// The same inside a write transaction (``JSONBackupImporter`` compares a backup with the
    /// ledger it would restore into).
    public static func export(_ writer: LedgerWriter, write: (String) -> Void) throws {
        var array = ArrayText()
        write("[")
        try writer.eachQuestionBatch { write(array.elements($0)) }
        write(array.closing)
    }

    /// The array's elements, one question a line, written as they come.
    private struct ArrayText {
        private var first = true

        mutating func elements(_ questions: [QuestionHistory]) -> String {
            var text = ""
            for question in questions {
                text += (first ? "\n" : ",\n") + QuestionJSON.json(question).serialized()
                first = false
            }
            return text
        }

        var closing: String { first ? "]\n" : "\n]\n" }
    }
}
