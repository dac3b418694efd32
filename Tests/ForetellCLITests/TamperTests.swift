import Foundation
import GRDB
import Testing

/// The ledger's owner edits it with the sqlite3 shell, as anyone can, and `foretell verify` must
/// catch it: exit 1 and one line naming the first entry that no longer matches.
///
/// The ledger every case starts from (journal entry: event):
///   1 question 1 "Rust 2.0 ships" (tag tech)   2 forecast 1 (Ana 25%)   3 forecast 2 (Bo 60%)
///   4 resolution 1 (yes)   5 resolution 2 (no, the correction)
///   6 question 2, 7 forecast 3 and 8 its source (Carla's 70% from rain.txt)
@Suite(.onLedgerFile) struct TamperTests {
    /// The sqlite3 shell (CI installs it); without it the same SQL runs through GRDB.
    static let sqliteShell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let chainScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracle/journal_chain.py").path

    /// Runs SQL on the ledger file the way its owner would.
    static func sqlite(_ sql: String, on path: String) throws -> CLI.Result {
        if let shell = sqliteShell {
            return try CLI.execute([shell, "-bail", path], environment: [:], stdin: sql)
        }
        do {
            try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: sql) }
            return CLI.Result(status: 0, stdout: "", stderr: "")
        } catch {
            return CLI.Result(status: 1, stdout: "", stderr: "\(error)")
        }
    }

    static func ledgerWithHistory() throws -> CLI {
        let cli = try CLI()
        for arguments in [
            ["add", "Rust 2.0 ships", "--owner", "Ana", "-p", "0.25", "--deadline", "2030", "--made-on", "2026-01-10",
             "--tag", "tech", "--note", "first guess"],
            ["forecast", "1", "--owner", "Bo", "-p", "0.6", "--made-on", "2026-01-11"],
            ["resolve", "1", "yes", "--on", "2026-06-01"],
            ["resolve", "1", "no", "--on", "2026-06-02", "--note", "corrected"],
            ["import", try cli.write("rain.txt", Data("""
                Date: 2026-01-10

                Carla Diaz: I think there is a 70% chance that it will rain in Paris on 14 July 2026.

                """.utf8))],
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let verified = try cli.run(["verify"])
        #expect(verified.stdout.hasPrefix("ok: 8 journal entries verified"), "\(verified.stdout)\(verified.stderr)")
        return cli
    }

    /// A copy of the ledger (and its WAL, if any) in a fresh folder.
    static func copy(_ cli: CLI) throws -> CLI {
        let copy = try CLI()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: cli.ledger + suffix) {
            try FileManager.default.copyItem(atPath: cli.ledger + suffix, toPath: copy.ledger + suffix)
        }
        return copy
    }

    @Test func theShellCannotEditAForecastWhileTheTriggersStand() throws {
        let cli = try Self.ledgerWithHistory()
        let before = try cli.state()
        for sql in ["UPDATE forecasts SET probability = 0.9 WHERE id = 1;", "DELETE FROM resolutions WHERE id = 2;",
                    "DELETE FROM journal WHERE seq = 8;"] {
            let edit = try Self.sqlite(sql, on: cli.ledger)
            #expect(edit.status != 0, "\(sql) went through")
            #expect(edit.stderr.contains("append-only"), "\(edit.stderr)")
        }
        #expect(try cli.state() == before)
        #expect(try cli.run(["verify"]).status == 0)
    }

    static let edits: [(sql: String, names: String)] = [
        ("DROP TRIGGER forecasts_are_append_only_update; UPDATE forecasts SET probability = 0.9 WHERE id = 2;",
         "journal entry 3 (forecast 2) does not match"),
        // Back-dating a forecast to before the news it anticipated.
        ("DROP TRIGGER forecasts_are_append_only_update; UPDATE forecasts SET made_on = '2025-01-01', made_at_ms = 1735689600000 WHERE id = 1;",
         "journal entry 2 (forecast 1) does not match"),
        ("DROP TRIGGER forecasts_are_append_only_update; UPDATE forecasts SET note = NULL WHERE id = 1;",
         "journal entry 2 (forecast 1) does not match"),
        ("DROP TRIGGER forecasts_are_append_only_update; UPDATE forecasts SET owner_id = (SELECT id FROM owners WHERE name = 'Bo') WHERE id = 1;",
         "journal entry 2 (forecast 1) does not match"),
        ("UPDATE owners SET name = 'Carl' WHERE name = 'Bo';", "journal entry 3 (forecast 2) does not match"),
        ("UPDATE questions SET claim = 'Rust 2.0 ships (or not)' WHERE id = 1;", "journal entry 1 (question 1) does not match"),
        ("UPDATE questions SET deadline = '2026-05-31' WHERE id = 1;", "journal entry 1 (question 1) does not match"),
        ("DELETE FROM question_tags WHERE question_id = 1;", "journal entry 1 (question 1) does not match"),
        ("INSERT INTO question_tags VALUES (2, 'weather');", "journal entry 6 (question 2) does not match"),
        ("DROP TRIGGER resolutions_are_append_only_update; UPDATE resolutions SET outcome = 'yes' WHERE id = 2;",
         "journal entry 5 (resolution 2) does not match"),
        ("DROP TRIGGER resolutions_are_append_only_delete; DELETE FROM resolutions WHERE id = 2;",
         "journal entry 5 records resolution 2, which is no longer in the ledger"),
        ("UPDATE forecast_sources SET quote = 'I am sure it will rain.';", "journal entry 8 (source 3) does not match"),
        ("UPDATE documents SET path = 'another.txt';", "journal entry 8 (source 3) does not match"),
        ("INSERT INTO forecasts (question_id, owner_id, probability, made_on, made_at_ms, recorded_at) VALUES (1, 1, 0.99, '2026-01-09', 1767916800000, '2026-01-09T00:00:00Z');",
         "forecast 4 is in the ledger but not in the journal"),
        ("DROP TRIGGER journal_is_append_only_delete; DELETE FROM journal WHERE seq = 4;", "journal entry 4 is missing"),
        ("DROP TRIGGER journal_is_append_only_update; UPDATE journal SET hash = (SELECT hash FROM journal WHERE seq = 3) WHERE seq = 2;",
         "journal entry 2 (forecast 1) does not match"),
        ("DROP TRIGGER journal_is_append_only_update; UPDATE journal SET kind = 'resolution' WHERE seq = 2;",
         "journal entry 2 (resolution 1) does not match"),
        // A value of another type: GRDB would trap reading it.
        ("UPDATE questions SET opened_at_ms = 'soon' WHERE id = 2;",
         "journal entry 6 (question 2) does not match: its opened_at_ms holds a value foretell never writes"),
        ("UPDATE owners SET name = X'FF' WHERE name = 'Carla Diaz';",
         "journal entry 7 (forecast 3) does not match: its name holds a value foretell never writes"),
    ]

    @Test func everyEditInTheShellIsCaughtAndNamed() throws {
        let original = try Self.ledgerWithHistory()
        for edit in Self.edits {
            let cli = try Self.copy(original)
            let shell = try Self.sqlite(edit.sql, on: cli.ledger)
            #expect(shell.status == 0, "\(edit.sql): \(shell.stderr)")
            let verify = try cli.run(["verify"])
            #expect(verify.status == 1, "\(edit.sql): exit \(verify.status)")
            #expect(verify.stdout.isEmpty)
            #expect(verify.stderr.hasPrefix("foretell: the ledger does not verify: ") && verify.stderr.contains(edit.names),
                    "\(edit.sql): \(verify.stderr)")
            // The edit first, then each append-only trigger dropped to make it.
            let lines = verify.stderr.split(separator: "\n")
            let droppedTriggers = edit.sql.components(separatedBy: "DROP TRIGGER").count - 1
            // (An edited journal hash also breaks the link from the entry after it: two entries.)
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  and: ") || $0.hasPrefix("  (") }, "\(verify.stderr)")
            #expect(lines.count(where: { $0.contains("append-only trigger") }) == droppedTriggers, "\(verify.stderr)")
            if droppedTriggers == 0 && !edit.sql.contains("journal") { #expect(lines.count == 1, "\(verify.stderr)") }
            let json = try #require(try CLI.json(cli.run(["verify", "--format", "json"]).stdout) as? [String: Any])
            #expect(json["intact"] as? Bool == false)
            #expect((json["problem"] as? String)?.contains(edit.names) == true, "\(json)")
        }
    }

    @Test func aValueOfAnotherTypeIsAOneLineErrorForTheOtherCommands() throws {
        let cli = try Self.ledgerWithHistory()
        #expect(try Self.sqlite("UPDATE questions SET claim = X'FFFE' WHERE id = 1;", on: cli.ledger).status == 0)
        for arguments in [["list"], ["show", "1"], ["list", "--format", "json"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): exit \(result.status) \(result.stderr)")
            #expect(result.stderr == "foretell: the ledger holds a value foretell never writes (in claim): it was edited outside foretell; 'foretell verify' names the first changed entry\n")
        }
    }

    /// An anchor published before a rewrite catches what the chain alone cannot: someone who edits
    /// a forecast and recomputes every later hash, or removes the latest events.
    @Test func aPublishedAnchorCatchesARewrittenOrTruncatedHistory() throws {
        let cli = try Self.ledgerWithHistory()
        let anchored = try cli.run(["verify", "--anchor"])
        let anchor = anchored.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(anchored.status == 0 && anchor.count == 64 && anchor.allSatisfy(\.isHexDigit), "\(anchored.stdout)")
        // The head is the hash an independent implementation of the documented chain computes.
        let chain = try Self.rechain(cli.ledger)
        #expect(chain.last?.contains("X'\(anchor)'") == true, "\(chain.last ?? "no output")")

        // Life goes on after publishing: entries 9 to 11.
        #expect(try cli.run(["forecast", "2", "--owner", "Ana", "-p", "0.8", "--made-on", "2026-02-01"]).status == 0)
        #expect(try cli.run(["add", "A later question", "--owner", "Bo", "-p", "0.1", "--deadline", "2031"]).status == 0)
        let later = try cli.run(["verify", "--expect", anchor])
        #expect(later.status == 0 && later.stdout.hasPrefix("ok: 11 journal entries verified"), "\(later.stdout)\(later.stderr)")
        #expect(try cli.run(["verify", "--expect", String(anchor.prefix(32)).uppercased()]).status == 0)

        // Removing the latest events leaves a chain that verifies on its own; only an anchor past them knows.
        let truncated = try Self.copy(cli)
        let head = try cli.run(["verify", "--anchor"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.sqlite("""
            DROP TRIGGER forecasts_are_append_only_delete; DROP TRIGGER journal_is_append_only_delete;
            DELETE FROM forecasts WHERE id = 5; DELETE FROM questions WHERE id = 3; DELETE FROM journal WHERE seq > 9;
            """ + AppendOnlyTriggers.recreate(["forecasts_are_append_only_delete", "journal_is_append_only_delete"]),
            on: truncated.ledger).status == 0)
        #expect(try truncated.run(["verify"]).stdout.hasPrefix("ok: 9 journal entries verified"))
        let missingHead = try truncated.run(["verify", "--expect", head])
        #expect(missingHead.status == 1)
        #expect(missingHead.stderr == "foretell: the ledger does not verify: the anchor \(head) is not the hash of any journal entry: history before it was changed\n")

        // Rewriting Ana's first forecast and re-chaining every hash after it.
        #expect(try Self.sqlite("DROP TRIGGER forecasts_are_append_only_update; UPDATE forecasts SET probability = 0.9 WHERE id = 1;",
                                on: cli.ledger).status == 0)
        #expect(try cli.run(["verify"]).stderr.contains("journal entry 2 (forecast 1) does not match"))
        let rechain = "DROP TRIGGER journal_is_append_only_update;\n" + (try Self.rechain(cli.ledger)).joined(separator: "\n")
            + AppendOnlyTriggers.recreate(["forecasts_are_append_only_update", "journal_is_append_only_update"])
        #expect(try Self.sqlite(rechain, on: cli.ledger).status == 0)
        #expect(try cli.run(["verify"]).status == 0, "a consistently re-chained ledger verifies without an anchor")
        let rewritten = try cli.run(["verify", "--expect", anchor])
        #expect(rewritten.status == 1)
        #expect(rewritten.stderr == "foretell: the ledger does not verify: the anchor \(anchor) is not the hash of any journal entry: history before it was changed\n")
        #expect(try cli.run(["verify", "--anchor"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) != head)
    }

    /// Tests/Oracle/journal_chain.py's SQL for re-chaining the ledger, one statement a line.
    static func rechain(_ ledger: String) throws -> [String] {
        let result = try CLI.execute(["/usr/bin/env", "python3", chainScript, ledger], environment: ["PATH": "/usr/bin:/bin:/usr/local/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }
}
