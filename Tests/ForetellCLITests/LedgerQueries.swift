import ForetellKit
import GRDB

/// Reads what a test's ledger holds straight from its tables, to check an import without going
/// through the code that wrote it.
enum LedgerQueries {
    /// Every forecast on a question resolved yes or no, made on or before the resolution in force:
    /// how many, and their mean (p - o)^2.
    static func everyForecastBrier(_ path: String) throws -> (n: Int, brier: Double) {
        try Ledger.open(path: path, access: .read).read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), avg((f.probability - (r.outcome = 'yes')) * (f.probability - (r.outcome = 'yes')))
                FROM forecasts f JOIN current_resolutions r ON r.question_id = f.question_id
                WHERE r.outcome IN ('yes', 'no') AND f.made_at_ms <= r.resolved_at_ms
                """)
            return (row?[0] ?? 0, row?[1] ?? .nan)
        }
    }

    static func count(_ path: String, _ sql: String) throws -> Int {
        try Ledger.open(path: path, access: .read).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// Every stored forecast as "owner|claim|probability|made_on|deadline|source|quote", sorted:
    /// what two ways of importing the same document must agree on.
    static func forecastRows(_ path: String) throws -> [String] {
        try Ledger.open(path: path, access: .read).read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.name, q.claim, f.probability, f.made_on, q.deadline, d.path, s.quote
                FROM forecasts f
                JOIN questions q ON q.id = f.question_id
                JOIN owners o ON o.id = f.owner_id
                LEFT JOIN forecast_sources s ON s.forecast_id = f.id
                LEFT JOIN documents d ON d.id = s.document_id
                """).map { row in
                let probability: Double = row[2]
                let fields: [String] = [row[0], row[1], String(probability), row[3], row[4] ?? "", row[5] ?? "", row[6] ?? ""]
                return fields.joined(separator: "|")
            }.sorted()
        }
    }
}
