/// What an import added and what it passed over, for the summary printed at the end.
public struct ImportSummary: Sendable, Equatable {
    public struct Skipped: Sendable, Equatable {
        public var line: Int
        public var reason: String
        /// The file of the line, where an import reads several (a Metaculus export); nil for the source.
        public var file: String?

        public init(line: Int, reason: String, file: String? = nil) {
            self.line = line
            self.reason = reason
            self.file = file
        }
    }

    public var source: String
    public var rowsRead = 0
    public var questionsAdded = 0
    public var forecastsAdded = 0
    public var ownersAdded = 0
    public var resolutionsAdded = 0
    public var sourcesAdded = 0
    /// Rows whose forecast the ledger already holds.
    public var alreadyPresent = 0
    public var skipped: [Skipped] = []
    /// Other notes worth a line each (an id that had to change, a kind of row left out).
    public var notes: [String] = []
    public var dryRun = false

    public init(source: String) { self.source = source }

    /// Rows were refused and none was imported or found already present: the file was not
    /// understood at all, which the command reports as a failure.
    public var everyRowSkipped: Bool {
        !skipped.isEmpty && questionsAdded == 0 && forecastsAdded == 0 && resolutionsAdded == 0 && alreadyPresent == 0
    }

    /// A few lines for people: the counts, then at most `limit` skipped rows with their lines.
    public func text(limit: Int = 20) -> String {
        let verb = dryRun ? "would add" : "added"
        var out = "\(source): \(counted(rowsRead, "row")); \(verb) \(counted(questionsAdded, "question")), "
            + "\(counted(forecastsAdded, "forecast")), \(counted(ownersAdded, "owner")), \(counted(resolutionsAdded, "resolution"))"
        if sourcesAdded > 0 { out += ", \(counted(sourcesAdded, "source"))" }
        out += "; \(alreadyPresent) already in the ledger; \(skipped.count) skipped\n"
        for note in notes { out += "  note: \(note)\n" }
        for skip in skipped.prefix(limit) { out += "  \(skip.file.map { $0 + " " } ?? "")line \(skip.line): \(skip.reason)\n" }
        if skipped.count > limit { out += "  … and \(skipped.count - limit) more (--format json lists them all)\n" }
        if dryRun { out += "dry run: nothing was written\n" }
        // Paths and skipped rows' values come from files: printed for people, they must not act on the terminal.
        return TerminalText.safe(out, keepingLineBreaks: true)
    }
}
