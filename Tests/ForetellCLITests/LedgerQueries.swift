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

    /// The one whole number a query gives (a count, a stored instant), or -1 when it gives none.
    static func integer(_ path: String, _ sql: String) throws -> Int {
        if LedgerLocation.isServerURL(path) {
            return Int(try PostgresTestServer.sql(sql, on: path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        return try Ledger.open(path: path, access: .read).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// Every stored forecast as "owner|claim|probability|made_on|deadline|source|quote", sorted:
    /// what two ways of importing the same document must agree on.
    static func forecastRows(_ path: String) throws -> [String] {
        try rows(path, """
            SELECT o.name, q.claim, f.probability, f.made_on, q.deadline, d.path, s.quote
            FROM forecasts f
            JOIN questions q ON q.id = f.question_id
            JOIN owners o ON o.id = f.owner_id
            LEFT JOIN forecast_sources s ON s.forecast_id = f.id
            LEFT JOIN documents d ON d.id = s.document_id
            """).map { row in
            var fields = row.map { $0 ?? "" }
            // One spelling of the number on both backends (PostgreSQL writes 1.0 as "1").
            if fields.count > 2, let probability = Double(fields[2]) { fields[2] = String(probability) }
            return fields.joined(separator: "|")
        }.sorted()
    }

    /// Every row of a query, each value as text (nil for NULL): through GRDB for a file, psql for
    /// a PostgreSQL ledger.
    static func rows(_ path: String, _ sql: String) throws -> [[String?]] {
        if LedgerLocation.isServerURL(path) {
            // Unit and record separators, which no test's text holds; NULL as a NUL-free marker.
            let result = try CLI.execute([PostgresTestServer.psql, path, "-XqAt", "-v", "ON_ERROR_STOP=1", "-F", "\u{1F}",
                                          "-R", "\u{1E}", "-P", "null=\u{1A}", "-c", sql],
                                         environment: ["PATH": "/usr/bin:/bin"], timeout: 120)
            guard result.status == 0 else { throw PostgresTestError(message: result.stderr) }
            let text = result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
            if text.isEmpty { return [] }
            return text.split(separator: "\u{1E}", omittingEmptySubsequences: false).map { row in
                row.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { $0 == "\u{1A}" ? nil : String($0) }
            }
        }
        return try Ledger.open(path: path, access: .read).read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value -> String? in
                    switch value.storage {
                    case .null: return nil
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    case .blob(let data): return data.map { String(format: "%02x", $0) }.joined()
                    }
                }
            }
        }
    }
}
