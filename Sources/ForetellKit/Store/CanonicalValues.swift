/// One canonical form for every value the writer stores and hashes, so that what `verify` later
/// reads back from SQLite hashes the same as what was recorded.
///
/// Two values did not survive the trip: -0.0, which SQLite stores as the integer 0 (it reads back
/// as 0.0, so the hash of "-0.0" never matched again), and text holding a NUL byte, which SQLite
/// keeps but hands back cut at the NUL. The first is normalised, the second refused.
enum CanonicalValue {
    /// `p + 0.0` is +0.0 for both zeros (IEEE 754, round to nearest) and `p` for every other number.
    static func probability(_ value: Double) -> Double { value + 0.0 }

    static func probability(_ value: Double?) -> Double? { value.map(probability) }

    /// Throws when any of the texts holds a NUL byte. `fields` names them for the message.
    static func refuseNUL(_ fields: KeyValuePairs<String, String?>) throws {
        for (field, text) in fields {
            guard let text, text.utf8.contains(0) else { continue }
            throw NULByteRefused(field: field)
        }
    }
}

/// Text with a NUL byte, from a file (a command line cannot hold one). A usage error that fails the
/// whole command, not one skipped row: nothing is recorded.
public struct NULByteRefused: ReportableError, Equatable {
    public var field: String
    /// Where it was, when an importer knows: `file.csv line 12`.
    public var location: String?

    public var isUsageError: Bool { true }

    public var description: String {
        "\(location.map { $0 + ": " } ?? "")the \(field) holds a NUL byte (\\0), which foretell refuses in any text; nothing was recorded"
    }
}
