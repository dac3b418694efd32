import Foundation
import ForetellKit
import GRDB

/// Reads what a test's ledger holds straight from its tables, to check an import without going
/// through the code that wrote it: through GRDB for a file, through psql for a PostgreSQL ledger.
/// The SQL is written to mean the same on both.
enum LedgerQueries {
    /// Every forecast on a question resolved yes or no, made on or before the resolution in force:
    /// how many, and their mean (p - o)^2.
    static func everyForecastBrier(_ path: String) throws -> (n: Int, brier: Double) {
        let sql = """
            SELECT count(*), avg((f.probability - CASE WHEN r.outcome = 'yes' THEN 1 ELSE 0 END)
                                 * (f.probability - CASE WHEN r.outcome = 'yes' THEN 1 ELSE 0 END))
            FROM forecasts f JOIN current_resolutions r ON r.question_id = f.question_id
            WHERE r.outcome IN ('yes', 'no') AND f.made_at_ms <= r.resolved_at_ms
            """
        if LedgerLocation.isServerURL(path) {
            let fields = try PostgresTestServer.sql(sql, on: path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return (-1, .nan) }
            return (Int(fields[0]) ?? -1, Double(fields[1]) ?? .nan)
        }
        return try Ledger.open(path: path, access: .read).read { db in
            let row = try Row.fetchOne(db, sql: sql)
            return (row?[0] ?? 0, row?[1] ?? .nan)
        }
    }

    static func count(_ path: String, _ sql: String) throws -> Int {
        if LedgerLocation.isServerURL(path) {
            return Int(try PostgresTestServer.sql(sql, on: path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        return try Ledger.open(path: path, access: .read).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}
