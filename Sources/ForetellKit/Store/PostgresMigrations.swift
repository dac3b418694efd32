/// The schema migrations for PostgreSQL in `migrations/postgres/`, embedded like SQLite's
/// (``Migrations``) and named as the SQLite migrations they mirror, recorded in the table
/// `foretell_migrations` of the connection's schema.
enum PostgresMigrations {
    static let all: [(name: String, sql: [UInt8])] = [
        ("0001_ledger", PackageResources._001_ledger_pg_sql),
        ("0002_backfilled_forecasts", PackageResources._002_backfilled_forecasts_pg_sql),
        ("0003_extraction_provenance", PackageResources._003_extraction_provenance_pg_sql),
    ]

    /// Applies the migrations the database lacks, refusing another program's database and one
    /// written by a newer foretell. An everyday open only reads the list; applying takes the write
    /// lock, so two foretells opening a new database at once create the schema once.
    static func migrate(_ connection: PostgresConnection, ledger: String) throws {
        let known = all.map(\.name)
        let applied = try connection.transaction(writing: false) { session in
            (try appliedMigrations(session, ledger: ledger), true)
        }
        try refuseUnknown(applied, known: known, ledger: ledger)
        if applied.count == known.count { return }
        try connection.transaction(writing: true) { session in
            let applied = try appliedMigrations(session, ledger: ledger)
            try refuseUnknown(applied, known: known, ledger: ledger)
            if applied.isEmpty {
                _ = try session.execute("CREATE TABLE foretell_migrations (identifier TEXT PRIMARY KEY)")
            }
            for migration in all where !applied.contains(migration.name) {
                try connection.simpleQuery(String(decoding: migration.sql, as: UTF8.self))
                _ = try session.execute("INSERT INTO foretell_migrations (identifier) VALUES (?)", sqlArguments(migration.name))
            }
            return ((), true)
        }
    }

    /// The applied migrations; an empty list for an empty schema, an error for a schema that
    /// holds tables but no record of foretell's migrations.
    private static func appliedMigrations(_ session: any SQLSession, ledger: String) throws -> [String] {
        let hasRecord: Bool = try session.value("SELECT to_regclass('foretell_migrations') IS NOT NULL") ?? false
        if hasRecord {
            return try session.all("SELECT identifier FROM foretell_migrations ORDER BY identifier") { try $0.checked(0) }
        }
        let tables: Int64 = try session.value("""
            SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p')
            """) ?? 0
        if tables > 0 { throw LedgerError.foreignDatabase(path: ledger) }
        return []
    }

    private static func refuseUnknown(_ applied: [String], known: [String], ledger: String) throws {
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw LedgerError.newerLedger(path: ledger, unknownMigrations: unknown.sorted()) }
    }
}
