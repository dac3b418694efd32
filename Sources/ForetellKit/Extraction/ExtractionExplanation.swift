/// Why a forecast reads as it does: the block of the document it came from, and where its owner,
/// probability, made_on and deadline were taken from, in words a user can check against the text
/// ("owner: speaker label 'Jane Roe:' at line 12", "deadline: 'by 2027' in the sentence",
/// "made_on: header Date: 2026-01-06"). `foretell extract --explain` prints it; each reader of a
/// layout fills it in for the forecasts it finds.
public struct ExtractionExplanation: Equatable, Sendable {
    /// The kind of block: "paragraph", "list item", "speaker turn", "table row", "heading",
    /// "block quote" or "header field".
    public var block: String
    /// The document lines the block spans (1-based, inclusive).
    public var firstLine: Int
    public var lastLine: Int
    public var owner: String
    public var probability: String
    public var madeOn: String
    public var deadline: String

    public init(block: String, firstLine: Int, lastLine: Int, owner: String, probability: String, madeOn: String,
                deadline: String) {
        self.block = block
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
        self.owner = owner
        self.probability = probability
        self.madeOn = madeOn
        self.deadline = deadline
    }

    /// "paragraph, lines 3-5" or "list item, line 7".
    public var blockDescription: String {
        block + (firstLine == lastLine ? ", line \(firstLine)" : ", lines \(firstLine)-\(lastLine)")
    }

    /// The explanation's lines as `extract --explain` prints them under a forecast.
    public var lines: [String] {
        ["from: " + blockDescription, "owner: " + owner, "probability: " + probability, "made_on: " + madeOn,
         "deadline: " + deadline]
    }

    /// Text quoted in an explanation: on one line, and short enough to read at a glance.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces()
        return "'" + (flat.count <= limit ? flat : flat.prefix(limit - 1) + "…") + "'"
    }
}
