/// Problems with what a person typed on the command line. All are usage errors (exit 64).
public enum InputError: ReportableError, Equatable {
    case probabilityNotANumber(String)
    case probabilityOutOfRange(String)
    case probabilityAmbiguous(String)
    case invalidDate(String)
    case invalidMoment(String)
    case emptyText(field: String)
    case unknownOutcome(String)
    case invalidValue(field: String, value: String, expected: String)

    public var isUsageError: Bool { true }

    public var description: String {
        switch self {
        case .probabilityNotANumber(let text):
            return "'\(text)' is not a probability: write it as 0.2, 20% or odds 1:4"
        case .probabilityOutOfRange(let text):
            return "probability '\(text)' is outside 0 to 1: write it as 0.2, 20% or odds 1:4"
        case .probabilityAmbiguous(let text):
            return "probability '\(text)' is ambiguous: write \(text)% for a percentage, or a number between 0 and 1"
        case .invalidDate(let text):
            return "'\(text)' is not a date: use YYYY-MM-DD, YYYY-MM (end of that month) or YYYY (end of that year)"
        case .invalidMoment(let text):
            return "'\(text)' is not a date or time: use YYYY-MM-DD or an ISO 8601 timestamp such as 2025-03-14T22:12:07Z"
        case .emptyText(let field):
            return "the \(field) is empty: give some text"
        case .unknownOutcome(let text):
            return "'\(text)' is not an outcome: use yes, no, ambiguous or annulled"
        case .invalidValue(let field, let value, let expected):
            return "'\(value)' is not a valid \(field): expected \(expected)"
        }
    }
}
