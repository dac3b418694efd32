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
}
