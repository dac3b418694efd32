import Foundation
import GRDB
import Testing
@testable import ForetellKit

func temporaryLedgerPath(_ name: String = "ledger") -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("foretell-tests-\(UUID().uuidString)/\(name).sqlite").path
}

@Suite struct LedgerTests {
    @Test func embeddedMigrationsMatchTheFolder() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migrations.all.map { $0.name + ".sql" } == files)
        for migration in Migrations.all {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(migration.name + ".sql"))
            #expect(Array(onDisk) == migration.sql, "\(migration.name) is stale in the binary")
        }
        // Numbered, in order, without gaps.
        #expect(files.map { String($0.prefix(4)) } == (1...files.count).map { String(format: "%04d", $0) })
    }

    /// PostgreSQL's migrations mirror SQLite's one for one, under the same names.
    @Test func embeddedPostgresMigrationsMatchTheirFolderAndSQLites() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("migrations/postgres")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pg.sql") }.sorted()
        #expect(PostgresMigrations.all.map { $0.name + ".pg.sql" } == files)
        for migration in PostgresMigrations.all {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(migration.name + ".pg.sql"))
            #expect(Array(onDisk) == migration.sql, "\(migration.name) is stale in the binary")
        }
        #expect(PostgresMigrations.all.map(\.name) == Migrations.all.map(\.name))
    }

    /// `migrate` copies the tables and columns `Ledger.copiedTables` lists; a migration that adds a
    /// column without adding it there would make every copy lose it. The schema is read from SQLite.
    @Test func migrateCopiesEveryTableAndColumnOfTheSchema() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let dbQueue = try DatabaseQueue(path: ledger.path)
        let schema: [String: Set<String>] = try dbQueue.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            return try Dictionary(uniqueKeysWithValues: tables.map { table in
                (table, Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])))
            })
        }
        let copied = Dictionary(uniqueKeysWithValues: Ledger.copiedTables.map { ($0.table, Set($0.columns.map(\.name))) })
        #expect(copied == schema)
    }

    /// A server URL is printed in messages; its password never is, however malformed the rest.
    @Test(arguments: [
        ("postgres://ana:secret@db.example.org:5432/forecasts", "postgres://ana@db.example.org:5432/forecasts"),
        ("postgres://ana@db.example.org/forecasts", "postgres://ana@db.example.org/forecasts"),
        ("postgres://ana:secret@[::1/x", "postgres://ana@[::1/x"),
        ("postgres://ana:se@cr:et@host/db", "postgres://ana@host/db"),
        ("postgres://host/db?sslmode=require&password=x&user=ana", "postgres://host/db?sslmode=require&password=***&user=ana"),
    ])
    func serverURLsAreShownWithoutTheirPassword(url: String, shown: String) {
        #expect(PostgresConnection.withoutPassword(url) == shown)
    }

    @Test func placeholdersAreNumberedOutsideQuotes() {
        #expect(PostgresConnection.numberedPlaceholders("SELECT ? , '?', \"a?\" FROM t WHERE x = ? AND y IN (?, ?)")
                == "SELECT $1 , '?', \"a?\" FROM t WHERE x = $2 AND y IN ($3, $4)")
    }

    @Test func recordsAndReadsBackAQuestionWithHistory() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let madeOn = try #require(Moment.parse("2026-01-10"))
        let id = try ledger.write { writer in
            let id = try writer.record(NewQuestion(claim: "  A claim  ", deadline: Day(iso: "2026-12-31"),
                                                   openedAtMilliseconds: madeOn.milliseconds, tags: ["b", "a", "a"]))
            _ = try writer.record(NewForecast(questionID: id, owner: "Ana", probability: 0.7, madeOn: madeOn))
            _ = try writer.record(NewForecast(questionID: id, owner: "Bo", probability: 0.2, madeOn: madeOn))
            _ = try writer.record(NewResolution(questionID: id, outcome: .yes, resolvedOn: try #require(Moment.parse("2026-06-01"))))
            _ = try writer.record(NewResolution(questionID: id, outcome: .no, resolvedOn: try #require(Moment.parse("2026-06-02"))))
            return id
        }
        let question = try ledger.question(id: id)
        #expect(question.claim == "A claim")
        #expect(question.tags == ["a", "b"])
        #expect(question.forecasts.map(\.owner) == ["Ana", "Bo"])
        #expect(question.resolutions.map(\.outcome) == [.yes, .no])
        #expect(question.currentResolution?.outcome == .no)
        #expect(try ledger.verify().isIntact)
        #expect(try ledger.verify().entries == 5)
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        #expect(throws: LedgerError.unknownQuestion(42)) {
            try ledger.write { writer in
                _ = try writer.record(NewQuestion(claim: "lands only with its forecast", deadline: nil, openedAtMilliseconds: 0))
                _ = try writer.record(NewForecast(questionID: 42, owner: "Ana", probability: 0.5, madeOn: Moment.now()))
            }
        }
        #expect(try ledger.questions().isEmpty)
        #expect(try ledger.verify().entries == 0)
    }

    /// An import's transaction (`bulk`) runs with SQLite's per-row foreign-key checks off and checks
    /// the rows it added before committing: a row referring to nothing must still fail the whole
    /// transaction, as it does in an ordinary write. The writer never writes such rows, so raw SQL
    /// plays the part of a bug.
    @Test(arguments: [false, true]) func aDanglingReferenceFailsTheWholeWrite(bulk: Bool) throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let dangling = [
            "INSERT INTO question_tags (question_id, tag) VALUES (999, 'orphan')",
            "INSERT INTO forecasts (question_id, owner_id, probability, basis, made_on, made_at_ms, recorded_at) "
                + "VALUES (%Q, 999, 0.5, 'numeric', '2026-01-01', 0, '2026-01-01T00:00:00Z')",
        ]
        for sql in dangling {
            do {
                try ledger.write(bulk: bulk) { writer in
                    let id = try writer.record(NewQuestion(claim: "lands only if every reference holds", deadline: nil, openedAtMilliseconds: 0))
                    try writer.db.execute(sql.replacingOccurrences(of: "%Q", with: "\(id)"))
                }
                Issue.record("committed a dangling reference: \(sql), bulk \(bulk)")
            } catch {
                #expect(String(describing: error).contains("FOREIGN KEY constraint failed"), "\(error)")
            }
            #expect(try ledger.questions().isEmpty)
            #expect(try ledger.verify().entries == 0)
        }
        // Foreign keys are on again for the next write.
        #expect(try ledger.write { writer in try writer.db.value("PRAGMA foreign_keys") as Bool? } == true)
    }

    /// Every command's writes are one transaction because only ``Ledger/write(commit:_:)`` may start
    /// one (and make a LedgerWriter, which appends to the journal); CrashSafetyTests checks the effect.
    @Test func onlyLedgerWriteOpensAWriteTransaction() throws {
        let sources = SharedData.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 20)
        var writers: Set<String> = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for marker in ["writeWithoutTransaction", "inTransaction", "inSavepoint", "barrierWrite", "dbQueue.write",
                           "LedgerWriter(db:", "DatabaseQueue(", "DatabasePool("] where text.contains(marker) {
                writers.insert(file)
            }
        }
        #expect(writers == ["ForetellKit/Store/Ledger.swift"])
    }

    @Test func theSchemaRefusesWhatTheWriterWouldNot() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let id = try ledger.write { writer in
            let id = try writer.record(NewQuestion(claim: "q", deadline: nil, openedAtMilliseconds: 0))
            _ = try writer.record(NewResolution(questionID: id, outcome: .no, resolvedOn: Moment.now()))
            return id
        }
        for sql in [
            "INSERT INTO forecasts (question_id, owner_id, probability, made_on, made_at_ms, recorded_at) VALUES (\(id), 1, 1.5, '2026-01-01', 0, 'x')",
            "INSERT INTO forecasts (question_id, owner_id, probability, made_on, made_at_ms, recorded_at) VALUES (999, 1, 0.5, '2026-01-01', 0, 'x')",
            "INSERT INTO resolutions (question_id, outcome, resolved_on, resolved_at_ms, recorded_at) VALUES (\(id), 'maybe', '2026-01-01', 0, 'x')",
            "INSERT INTO questions (claim, opened_at_ms, recorded_at) VALUES ('   ', 0, 'x')",
            "INSERT INTO questions (claim, deadline, opened_at_ms, recorded_at) VALUES ('q', 'someday', 0, 'x')",
            "UPDATE resolutions SET outcome = 'yes'",
            "DELETE FROM journal",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try ledger.dbQueue.write { try $0.execute(sql: sql) } }
        }
    }

    /// The file format's bytes 18 and 19 are 2 for WAL and 1 for a rollback journal (SQLite's
    /// file format, section 1.3.3). open() reads them to skip switching a WAL ledger to WAL.
    @Test func aLedgerSwitchedBackToARollbackJournalIsSwitchedToWALAgain() throws {
        func header(_ path: String) throws -> [UInt8] {
            Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20).suffix(2))
        }
        let path = temporaryLedgerPath()
        var ledger: Ledger? = try Ledger.open(path: path)
        try ledger?.close()
        ledger = nil
        #expect(try header(path) == [2, 2])
        // Another program switches it back; foretell's next write must still go through a WAL.
        let switched = try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        #expect(switched == "delete")
        #expect(try header(path) == [1, 1])
        let reopened = try Ledger.open(path: path)
        let mode = try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let synchronous = try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)  // FULL
        try reopened.close()
        #expect(try header(path) == [2, 2])
        // And a WAL ledger opened again keeps FULL synchronisation, set per connection.
        let again = try Ledger.open(path: path)
        #expect(try again.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func refusesAFileThatIsNotSQLiteAndLeavesItUntouched() throws {
        let path = temporaryLedgerPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let bytes = Data("name,probability\nnot a ledger,0.2\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.notALedger(path: path)) { _ = try Ledger.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesAnotherProgramsDatabase() throws {
        let path = temporaryLedgerPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.foreignDatabase(path: path)) { _ = try Ledger.open(path: path) }
        // Not even switched to WAL mode, which rewrites the header.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func refusesALedgerFromANewerForetell() throws {
        let path = temporaryLedgerPath()
        _ = try Ledger.open(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('0002_from_the_future')") }
        #expect(throws: LedgerError.newerLedger(path: path, unknownMigrations: ["0002_from_the_future"])) {
            _ = try Ledger.open(path: path)
        }
    }

    @Test func cannotCreateAFolderUnderAFile() throws {
        let file = temporaryLedgerPath("plain-file")
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: LedgerError.self) { _ = try Ledger.open(path: file + "/sub/ledger.sqlite") }
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(LedgerLocation.resolve(explicit: "/a/b.sqlite", environment: ["FORETELL_DB": "/c.sqlite"]) == "/a/b.sqlite")
        #expect(LedgerLocation.resolve(explicit: nil, environment: ["FORETELL_DB": "/c.sqlite"]) == "/c.sqlite")
        #expect(LedgerLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/foretell/ledger.sqlite")
        #expect(LedgerLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/foretell/ledger.sqlite")
        #expect(LedgerLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/foretell/ledger.sqlite")
        #expect(LedgerLocation.resolve(explicit: "~/l.sqlite", environment: ["HOME": "/h"]) == "/h/l.sqlite")
    }
}

/// Editing the ledger behind foretell's back, the way someone with the sqlite3 shell would.
@Suite struct JournalTests {
    func ledgerWithHistory() throws -> (Ledger, String) {
        let path = temporaryLedgerPath()
        let ledger = try Ledger.open(path: path)
        try ledger.write { writer in
            let madeOn = Moment(day: Day(year: 2026, month: 1, day: 10)!)
            for index in 1...3 {
                let id = try writer.record(NewQuestion(claim: "claim \(index)", deadline: nil, openedAtMilliseconds: 0))
                let forecast = try writer.record(NewForecast(questionID: id, owner: "Ana", probability: 0.25, madeOn: madeOn))
                try writer.attach(NewSource(path: "doc.txt", sha256: "abc", quote: "I think it's 25%.", line: 3), to: forecast)
                _ = try writer.record(NewResolution(questionID: id, outcome: .yes, resolvedOn: madeOn))
            }
        }
        return (ledger, path)
    }

    func tamper(_ path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS forecasts_are_append_only_update; DROP TRIGGER IF EXISTS forecasts_are_append_only_delete;
                DROP TRIGGER IF EXISTS resolutions_are_append_only_update; DROP TRIGGER IF EXISTS journal_is_append_only_delete;
                DROP TRIGGER IF EXISTS journal_is_append_only_update;
                """)
            try db.execute(sql: sql)
        }
    }

    @Test func journalContentSpellsEachFieldAsLengthColonText() {
        // The hashed bytes are fixed by the format: a number is written as its decimal text.
        var builder = JournalContent.Builder()
        for number: Int64? in [0, 7, 10, -1, 1_234_567_890_123, .max, .min, nil] { builder.add(number) }
        builder.add("Zoë")
        builder.add(0.25 as Double?)
        let expected = ["1:0", "1:7", "2:10", "2:-1", "13:1234567890123", "19:9223372036854775807",
                        "20:-9223372036854775808", "-", "4:Zoë", "4:0.25"].joined()
        #expect(builder.bytes == Array(expected.utf8))
    }

    @Test func anIntactLedgerVerifies() throws {
        let (ledger, _) = try ledgerWithHistory()
        let report = try ledger.verify()
        #expect(report.isIntact)
        #expect(report.entries == 12)
        #expect(report.head?.count == 64)
    }

    @Test(arguments: [
        ("UPDATE forecasts SET probability = 0.9 WHERE id = 2", "journal entry 6 (forecast 2)"),
        ("UPDATE resolutions SET outcome = 'no' WHERE id = 1", "journal entry 4 (resolution 1)"),
        ("UPDATE questions SET claim = 'another claim' WHERE id = 3", "journal entry 9 (question 3)"),
        ("UPDATE owners SET name = 'Bob'", "journal entry 2 (forecast 1)"),
        ("UPDATE forecast_sources SET quote = 'I think it is 90%.' WHERE forecast_id = 3", "journal entry 11 (source 3)"),
        ("INSERT INTO question_tags VALUES (1, 'added later')", "journal entry 1 (question 1)"),
        ("UPDATE journal SET hash = randomblob(32) WHERE seq = 7", "journal entry 7"),
        ("DELETE FROM journal WHERE seq = 5", "journal entry 5 is missing"),
        ("DELETE FROM forecast_sources WHERE forecast_id = 1; DELETE FROM forecasts WHERE id = 1", "forecast 1, which is no longer in the ledger"),
        ("INSERT INTO resolutions (question_id, outcome, resolved_on, resolved_at_ms, recorded_at) VALUES (1, 'no', '2026-01-11', 0, 'x')",
         "resolution 4 is in the ledger but not in the journal"),
        // Values of a type foretell never writes: GRDB would trap reading them.
        ("UPDATE questions SET opened_at_ms = 'soon' WHERE id = 2", "journal entry 5 (question 2) does not match: its opened_at_ms"),
        ("UPDATE owners SET name = X'FF'", "journal entry 2 (forecast 1) does not match: its name"),
        ("UPDATE forecast_sources SET quote = X'C0' WHERE forecast_id = 1", "journal entry 3 (source 1) does not match: its quote"),
        ("UPDATE resolutions SET resolved_at_ms = 'later' WHERE id = 3", "journal entry 12 (resolution 3) does not match: its resolved_at_ms"),
    ])
    func catchesEveryEdit(sql: String, expected: String) throws {
        let (ledger, path) = try ledgerWithHistory()
        try tamper(path, sql)
        let problem = try #require(try ledger.verify().firstProblem)
        #expect(problem.contains(expected), "\(problem)")
    }

    @Test func readingAValueOfAnotherTypeIsAnErrorNotATrap() throws {
        let (ledger, path) = try ledgerWithHistory()
        try tamper(path, "UPDATE questions SET claim = X'FFFE' WHERE id = 2")
        #expect(throws: LedgerError.unexpectedValue(column: "claim")) { _ = try ledger.questions() }
        #expect(throws: LedgerError.unexpectedValue(column: "claim")) { _ = try ledger.question(id: 2) }
        #expect(try ledger.question(id: 1).claim == "claim 1")
    }

    @Test func anchorsProveThePrefix() throws {
        let (ledger, path) = try ledgerWithHistory()
        let head = try #require(try ledger.verify().head)
        try ledger.write { writer in
            let id = try writer.record(NewQuestion(claim: "later", deadline: nil, openedAtMilliseconds: 0))
            _ = try writer.record(NewForecast(questionID: id, owner: "Ana", probability: 0.5, madeOn: Moment.now()))
        }
        #expect(try ledger.verify(anchor: head).isIntact)
        #expect(try ledger.verify(anchor: String(head.prefix(32))).isIntact)
        // 48 bits are too few to prove anything: a forger can search for a chain through them.
        #expect(try ledger.verify(anchor: String(head.prefix(12))).firstProblem?.contains("anchor") == true)
        #expect(try ledger.verify(anchor: "0123456789abcdef").firstProblem?.contains("anchor") == true)
        // Rewriting history before the anchor.
        try tamper(path, "UPDATE forecasts SET probability = 0.9 WHERE id = 1")
        #expect(try ledger.verify(anchor: head).firstProblem != nil)
    }
}
