import GRDB

/// The schema migrations in `migrations/`, embedded in the binary so that a copied binary still
/// works. SwiftPM's generated resource names drop a leading digit, so the list is explicit and a
/// test checks it against the folder.
public enum Migrations {
    public static let all: [(name: String, sql: [UInt8])] = [
        ("0001_ledger", PackageResources._001_ledger_sql),
        ("0002_backfilled_forecasts", PackageResources._002_backfilled_forecasts_sql),
        ("0003_extraction_provenance", PackageResources._003_extraction_provenance_sql),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            let sql = String(decoding: migration.sql, as: UTF8.self)
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }
}
