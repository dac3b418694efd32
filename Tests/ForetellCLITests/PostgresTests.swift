import Foundation
import Testing

/// What a team ledger on PostgreSQL promises beyond the end-to-end suite (which runs whole on
/// PostgreSQL too when FORETELL_TEST_POSTGRES_URL is set): the schema's rules hold against a
/// person with psql, many writers from many processes lose nothing, a killed import leaves all or
/// nothing, scores match SQLite's, and `migrate` moves a personal ledger without losing a bit.
/// Each test runs on its own new database; without a server they are skipped.
@Suite(.enabled(if: CLI.onPostgres, "needs FORETELL_TEST_POSTGRES_URL (scripts/postgres-test-server start)"))
struct PostgresTests {
    static let writers = 8
    static let writesPerWriter = Int(ProcessInfo.processInfo.environment["FORETELL_PG_WRITES"] ?? "") ?? 200

    private static func psql(_ sql: String, on ledger: String) throws -> CLI.Result {
        try PostgresTestServer.sql(sql, on: ledger)
    }

    private static func seed(_ cli: CLI) throws {
        #expect(try cli.run(["add", "Rain in Paris on 14 July", "--owner", "ana", "-p", "35%", "--deadline", "2026-07-14",
                             "--tag", "weather", "--made-on", "2026-01-02"]).status == 0)
        #expect(try cli.run(["forecast", "1", "--owner", "bob", "-p", "0.6", "--made-on", "2026-01-03"]).status == 0)
        #expect(try cli.run(["resolve", "1", "no", "--note", "dry"]).status == 0)
    }

    @Test func theSchemaRefusesEditsAndDeletionsFromPsqlAndVerifyCatchesThemWithTheTriggersOff() throws {
        let cli = try CLI()
        try Self.seed(cli)
        for sql in ["UPDATE forecasts SET probability = 0.9", "DELETE FROM forecasts", "TRUNCATE forecasts CASCADE",
                    "UPDATE resolutions SET outcome = 'yes'", "DELETE FROM resolutions", "TRUNCATE resolutions",
                    "UPDATE journal SET entity_id = 2", "DELETE FROM journal", "TRUNCATE journal",
                    "INSERT INTO forecasts (id, question_id, owner_id, probability, made_on, made_at_ms, recorded_at) VALUES (99, 1, 1, 1.5, '2026-01-01', 0, 'x')",
                    "INSERT INTO forecasts (id, question_id, owner_id, probability, made_on, made_at_ms, recorded_at) VALUES (99, 42, 1, 0.5, '2026-01-01', 0, 'x')",
                    "INSERT INTO resolutions (id, question_id, outcome, resolved_on, resolved_at_ms, recorded_at) VALUES (9, 1, 'maybe', '2026-01-01', 0, 'x')"] {
            let result = try Self.psql(sql, on: cli.ledger)
            #expect(result.status != 0, "\(sql) was allowed")
        }
        #expect(try cli.run(["verify"]).stdout.hasPrefix("ok: 4 journal entries verified"))
        // A superuser can switch the triggers off; verify still names the changed forecast.
        let edit = try Self.psql("ALTER TABLE forecasts DISABLE TRIGGER USER; UPDATE forecasts SET probability = 0.9 WHERE id = 2",
                                 on: cli.ledger)
        #expect(edit.status == 0, "\(edit.stderr)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1)
        // The switched-off triggers protect nothing, so verify names them as well (as it names a
        // trigger dropped from an SQLite file).
        #expect(verify.stderr == """
            foretell: the ledger does not verify: journal entry 3 (forecast 2) does not match: the forecast was changed after it was recorded, or an earlier entry was removed
              and: the append-only trigger forecasts_are_append_only is missing: the ledger's protection against edits was removed outside foretell
              and: the append-only trigger forecasts_are_not_truncated is missing: the ledger's protection against edits was removed outside foretell
              (3 problems in all)

            """)
    }

    /// The two migration folders describe one schema: a new server ledger and a new file ledger
    /// have the same tables with the same columns (read from each database's own catalogue).
    @Test func theServerSchemaHasTheFileSchemasTablesAndColumns() throws {
        let cli = try CLI()
        #expect(try cli.run(["list"]).status == 0)
        let onServer = try Self.psql("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name != 'foretell_migrations'
              AND table_name IN (SELECT table_name FROM information_schema.tables
                                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
            """, on: cli.ledger).stdout.split(separator: "\n").map(String.init)
        let file = cli.folder.appendingPathComponent("schema.sqlite").path
        #expect(try cli.run(["--db", file, "list"], ledgerFlag: false).status == 0)
        let inFile = try CLI.execute(["/usr/bin/sqlite3", file, """
            SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name != 'grdb_migrations'
            """], environment: ["PATH": "/usr/bin:/bin"], timeout: 60).stdout.split(separator: "\n").map(String.init)
        #expect(!inFile.isEmpty)
        #expect(Set(onServer) == Set(inFile))
    }

    @Test func aNewerSchemaAndAnotherProgramsDatabaseAreRefusedAndLeftAlone() throws {
        let newer = try CLI()
        try Self.seed(newer)
        #expect(try Self.psql("INSERT INTO foretell_migrations VALUES ('0002_from_the_future')", on: newer.ledger).status == 0)
        let refused = try newer.run(["list"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "foretell: \(newer.ledger) was written by a newer foretell (migrations 0002_from_the_future); upgrade foretell to use it\n")

        let foreign = try CLI()
        #expect(try Self.psql("CREATE TABLE invoices (id int)", on: foreign.ledger).status == 0)
        let result = try foreign.run(["add", "x", "--owner", "me", "-p", "0.5", "--deadline", "2030"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is an SQLite database of another program") == false)
        #expect(result.stderr.contains("not a foretell ledger; it was left untouched"), "\(result.stderr)")
        #expect(try Self.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", on: foreign.ledger).stdout == "1\n")

        let unreachable = try CLI.execute([CLI.binary, "--db", "postgres://nobody@127.0.0.1:1/none", "list"], environment: [:])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.hasPrefix("foretell: cannot open the ledger postgres://nobody@127.0.0.1:1/none: "), "\(unreachable.stderr)")
        #expect(unreachable.stderr.split(separator: "\n").count == 1)
    }

    /// Eight processes make 200 writes each (new questions, forecasts on shared questions,
    /// resolutions) while readers run list, score and verify: every write that exited 0 is in the
    /// ledger once, ids are unique, and the journal is one chain.
    @Test func eightProcessesOfTwoHundredMixedWritesWithReadersLoseNothing() throws {
        let cli = try CLI()
        let shared = 4
        for question in 1...shared {
            #expect(try cli.run(["add", "Shared question \(question)", "--owner", "seed", "-p", "0.5", "--deadline", "2030",
                                 "--made-on", "2026-01-01"]).status == 0)
        }
        // Every third write adds a question, the others forecast on a shared one; every tenth resolves one.
        // Each command that exits 0 is logged as done; a failure goes to stderr.
        let writer = """
            for i in $(seq 1 \(Self.writesPerWriter)); do
              if [ $(( i % 10 )) -eq 0 ]; then
                set -- resolve $(( WRITER % \(shared) + 1 )) $([ $(( i % 20 )) -eq 0 ] && echo yes || echo no) --note "writer $WRITER write $i"
              elif [ $(( i % 3 )) -eq 0 ]; then
                set -- add "writer $WRITER claim $i" --owner "writer $WRITER" -p 0.$WRITER --deadline 2030
              else
                set -- forecast $(( (i + WRITER) % \(shared) + 1 )) --owner "writer $WRITER" -p 0.$(( i % 9 + 1 )) --note "write $i"
              fi
              if "$FORETELL" --db "$LEDGER" "$@" >/dev/null 2>>"$LOG"; then echo "$1 $i"; else echo "exit $? from: $*" >&2; fi
            done
            """
        let reads = ["list --format json", "score --format json", "verify"]
        let run = WritersAndReaders.run(cli, writers: Self.writers, writerScript: writer, reads: reads, timeout: 900)

        var succeeded: [Int: [String]] = [:]
        var adds = 0, forecastWrites = 0, resolves = 0
        for number in 1...Self.writers {
            let result = try #require(run.writers[number], "writer \(number) did not run")
            #expect(result.stderr.isEmpty, "writer \(number): \(result.stderr)")
            succeeded[number] = result.stdout.split(separator: "\n").map(String.init)
            adds += succeeded[number]?.filter { $0.hasPrefix("add ") }.count ?? 0
            forecastWrites += succeeded[number]?.filter { $0.hasPrefix("add ") || $0.hasPrefix("forecast ") }.count ?? 0
            resolves += succeeded[number]?.filter { $0.hasPrefix("resolve ") }.count ?? 0
            #expect(succeeded[number]?.count == Self.writesPerWriter, "writer \(number): \(succeeded[number]?.count ?? 0) writes exited 0")
        }
        for read in reads {
            let result = try #require(run.readers[read], "\(read) did not run")
            #expect(result.stderr.isEmpty, "\(read) failed while writers wrote: \(result.stderr)")
            let log = WritersAndReaders.log(WritersAndReaders.readerLog(cli, read))
            #expect(log.isEmpty, "\(read): \(log)")
        }
        print("postgres concurrency: \(Self.writers) writers x \(Self.writesPerWriter) writes; readers ran "
              + reads.map { "\($0.split(separator: " ")[0]) \(run.readers[$0]?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?")x" }.joined(separator: ", "))

        // Every write that exited 0 is there, once.
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        let forecasts = list.flatMap { ($0["forecasts"] as? [[String: Any]]) ?? [] }
        let resolutions = list.flatMap { ($0["resolutions"] as? [[String: Any]]) ?? [] }
        for number in 1...Self.writers {
            let done = succeeded[number] ?? []
            let adds = Set(done.filter { $0.hasPrefix("add ") }.map { "writer \(number) claim \($0.dropFirst(4))" })
            let claims = Set(list.compactMap { $0["claim"] as? String }.filter { $0.hasPrefix("writer \(number) claim ") })
            #expect(claims == adds, "writer \(number)'s questions")
            let notes = forecasts.filter { $0["owner"] as? String == "writer \(number)" }.compactMap { $0["note"] as? String }
            #expect(notes.sorted() == done.filter { $0.hasPrefix("forecast ") }.map { "write \($0.dropFirst(9))" }.sorted(),
                    "writer \(number)'s forecasts")
            let resolved = resolutions.compactMap { $0["note"] as? String }.filter { $0.hasPrefix("writer \(number) write ") }
            #expect(resolved.sorted() == done.filter { $0.hasPrefix("resolve ") }.map { "writer \(number) write \($0.dropFirst(8))" }.sorted())
        }
        let questionIDs = list.compactMap { $0["question_id"] as? Int }
        let forecastIDs = forecasts.compactMap { $0["forecast_id"] as? Int }
        let resolutionIDs = resolutions.compactMap { $0["resolution_id"] as? Int }
        #expect(Set(questionIDs).count == questionIDs.count && Set(forecastIDs).count == forecastIDs.count
                && Set(resolutionIDs).count == resolutionIDs.count, "duplicate ids")
        // Ids are dense, as on SQLite: no write took an id and gave it back.
        #expect(forecastIDs.sorted() == forecastIDs.indices.map { $0 + 1 })
        #expect(questionIDs.count == shared + adds && forecastIDs.count == shared + forecastWrites && resolutionIDs.count == resolves)
        let entries = questionIDs.count + forecastIDs.count + resolutionIDs.count
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: \(entries) journal entries verified"), "\(verify.stdout)\(verify.stderr)")
    }

    @Test func killingAnImportLeavesAllOrNothingAndARunAgainCompletesIt() throws {
        let cli = try CLI()
        let file = cli.folder.appendingPathComponent("large.csv").path
        try CrashSafetyTests.writeLargeImport(to: file)
        #expect(try cli.run(["list"]).status == 0) // creates the (empty) ledger
        let full = "\(CrashSafetyTests.questions)|\(CrashSafetyTests.forecasts)|\(CrashSafetyTests.resolutions)|\(CrashSafetyTests.journalEntries)"
        func counts() throws -> String {
            try Self.psql("SELECT (SELECT count(*) FROM questions), (SELECT count(*) FROM forecasts), "
                          + "(SELECT count(*) FROM resolutions), (SELECT count(*) FROM journal)", on: cli.ledger)
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var log: [String] = []
        var killedWhileWriting = 0
        for seconds in [Double.random(in: 0.2...1), Double.random(in: 1...3), Double.random(in: 3...6)] {
            let started = Date()
            let process = try cli.start(["import", "--from", "csv", file])
            while process.isRunning && Date().timeIntervalSince(started) < seconds { usleep(5_000) }
            // Whether the import's transaction has written rows yet: a transaction gets an id
            // (backend_xid) with its first insert.
            let writing = try Self.psql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
                """, on: cli.ledger).stdout
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            if killed && writing.hasPrefix("1") { killedWhileWriting += 1 }
            // The server ends the dead connection's transaction; wait until it has.
            var after = try counts()
            for _ in 0..<100 where after != "0|0|0|0" && after != full {
                usleep(100_000)
                after = try counts()
            }
            log.append(String(format: "after %.2f s: %@, ledger %@", seconds,
                              killed ? (writing.hasPrefix("1") ? "killed mid-transaction" : "killed before writing") : "finished", after))
            #expect(after == "0|0|0|0" || after == full, "a partial import: \(after)")
            if after == full { break }
            #expect(try cli.run(["verify"]).stdout.contains("ok: 0 journal entries"))
        }
        print("postgres crash safety:\n  " + log.joined(separator: "\n  "))
        #expect(killedWhileWriting >= 1, "no kill landed mid-import: \(log)")
        let again = try cli.run(["import", "--from", "csv", file])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try counts() == full)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: \(CrashSafetyTests.journalEntries) journal entries verified"))
    }

    /// The scoreboards of the Metaculus and PredictionBook ledgers are the same numbers (to 1e-12)
    /// on both backends: scoring reads the same input from both.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: PredictionBookArchiveTests.archive)))
    func metaculusAndPredictionBookScoreAlikeOnBothBackends() throws {
        let metaculus = try CLI().write("metaculus.csv", Data(ScoreCommandTests.metaculusAsCanonicalCSV().utf8))
        for (name, importArguments) in [("metaculus", ["import", "--from", "csv", metaculus]),
                                        ("predictionbook", ["import", "--from", "predictionbook", PredictionBookArchiveTests.archive])] {
            let file = try CLI(onFile: true), server = try CLI()
            for cli in [file, server] {
                let imported = try cli.run(importArguments)
                #expect(imported.status == 0, "\(name): \(imported.stderr)")
            }
            for flags in [[], ["--every-forecast"], ["--time-weighted"], ["--folded"]] {
                let onFile = try CLI.json(file.run(["score", "--format", "json"] + flags).stdout)
                let onServer = try CLI.json(server.run(["score", "--format", "json"] + flags).stdout)
                var differences: [String] = []
                Self.compare(onFile, onServer, at: "\(name) \(flags)", into: &differences)
                #expect(differences.isEmpty, "\(differences.prefix(5))")
            }
            #expect(try file.run(["export"]).stdout == server.run(["export"]).stdout, "\(name): the exports differ")
        }
    }

    /// Numbers equal to 1e-12 (relative to their size), everything else exactly.
    private static func compare(_ lhs: Any, _ rhs: Any, at path: String, into differences: inout [String]) {
        switch (lhs, rhs) {
        case let (left as [String: Any], right as [String: Any]):
            if Set(left.keys) != Set(right.keys) { differences.append("\(path): keys \(left.keys.sorted()) vs \(right.keys.sorted())") }
            for (key, value) in left { if let other = right[key] { compare(value, other, at: path + "." + key, into: &differences) } }
        case let (left as [Any], right as [Any]):
            if left.count != right.count { differences.append("\(path): \(left.count) vs \(right.count) items"); return }
            for (index, (a, b)) in zip(left, right).enumerated() { compare(a, b, at: "\(path)[\(index)]", into: &differences) }
        case let (left as NSNumber, right as NSNumber):
            let a = left.doubleValue, b = right.doubleValue
            if !(a == b || abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))) { differences.append("\(path): \(a) vs \(b)") }
        default:
            if "\(lhs)" != "\(rhs)" { differences.append("\(path): \(lhs) vs \(rhs)") }
        }
    }

    @Test func migrateMovesAPersonalLedgerOntoTheServerWithTheSameHead() throws {
        let personal = try CLI(onFile: true)
        try Self.seed(personal)
        let document = try personal.write("interview.txt", Data("Ana: I think there's a 70% chance it rains in Paris by 2027.\n".utf8))
        _ = try personal.run(["import", "--from", "documents", document])
        let head = try personal.run(["verify", "--anchor"]).stdout

        let team = try CLI()
        let moved = try CLI.execute([CLI.binary, "migrate", "--from", personal.ledger, "--to", team.ledger, "--format", "json"],
                                    environment: [:])
        #expect(moved.status == 0, "\(moved.stderr)")
        let summary = try #require(try CLI.json(moved.stdout) as? [String: Any])
        #expect(summary["head"] as? String == head.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try team.run(["verify", "--anchor"]).stdout == head)
        #expect(try team.run(["export"]).stdout == personal.run(["export"]).stdout)
        #expect(try team.run(["list", "--format", "json"]).stdout == personal.run(["list", "--format", "json"]).stdout)

        // The team keeps writing on top of it, and the chain goes on from the same head.
        #expect(try team.run(["forecast", "1", "--owner", "carol", "-p", "0.2"]).status == 0)
        #expect(try team.run(["verify", "--expect", String(head.prefix(32))]).status == 0)

        // Into a ledger that is not empty: refused, and nothing written.
        let again = try CLI.execute([CLI.binary, "migrate", "--from", personal.ledger, "--to", team.ledger], environment: [:])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds a ledger"), "\(again.stderr)")
        #expect(try team.run(["verify"]).status == 0)

        // And back to a file: the same again.
        let backup = personal.folder.appendingPathComponent("backup.sqlite").path
        let back = try CLI.execute([CLI.binary, "migrate", "--from", team.ledger, "--to", backup], environment: [:])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try CLI.execute([CLI.binary, "--db", backup, "export"], environment: [:]).stdout == team.run(["export"]).stdout)
    }
}
