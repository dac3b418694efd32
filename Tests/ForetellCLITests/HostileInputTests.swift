import Foundation
import Testing

/// Hostile input, end to end: each gets a clear one-line message and the right exit code (64 for
/// what was typed or named, 1 for the ledger), never a crash or a hang, and leaves the ledger as it was.
@Suite struct HostileInputTests {
    static func noCrash(_ result: CLI.Result, _ context: String) {
        #expect(result.status != 9 && result.status < 128, "\(context) crashed or hung: status \(result.status)")
        for sign in ["Fatal error", "Illegal instruction", "Segmentation", "Stack dump", "💣"] {
            #expect(!result.stderr.contains(sign), "\(context): \(result.stderr)")
        }
    }

    /// Random bytes with a NUL among them, as any binary file has.
    static func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[count / 2] = 0
        return Data(bytes)
    }

    static let forecastText = "Date: 2026-01-10\n\nAna Lima: I think there is a 70% chance that it will rain in Paris on 14 July 2026.\n"

    // MARK: Documents (extract, and import of documents)

    @Test func hostileDocuments() throws {
        let cli = try CLI()
        try cli.run(["add", "An existing question", "--owner", "me", "-p", "0.3", "--deadline", "2030", "--made-on", "2026-01-01"])
        let random = try cli.write("random.txt", Self.randomBytes(4096))
        let empty = try cli.write("empty.txt", Data())
        var invalid = Data(Self.forecastText.utf8)
        invalid.insert(contentsOf: [0xFF, 0xFE, 0xC0], at: invalid.count - 40)
        let invalidUTF8 = try cli.write("invalid.txt", invalid)
        let folder = cli.folder.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.forecastText.utf8).write(to: folder.appendingPathComponent("good.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path,
                                                   withDestinationPath: "/nonexistent/gone.txt")
        let missing = cli.folder.appendingPathComponent("missing.txt").path
        let before = try cli.state()

        let cases: [(arguments: [String], status: Int32, stderr: String, stdout: String)] = [
            (["extract", random], 64, "random.txt is not a text document (binary data, a NUL byte at offset", ""),
            (["import", random], 64, "random.txt is not a text document (binary data", ""),
            (["extract", empty], 0, "", "(no forecasts found)"),
            (["import", empty, "--dry-run"], 0, "", "would add 0 questions, 0 forecasts"),
            // Invalid UTF-8 becomes U+FFFD and the forecast around it is still found.
            (["extract", invalidUTF8, "--format", "jsonl"], 0, "", "\"probability\": 0.7"),
            (["import", invalidUTF8, "--dry-run"], 0, "", "would add 1 question, 1 forecast"),
            (["extract", folder.path], 0, "warning: skipped \(folder.path)/dangling.txt: a symbolic link to nothing", "Ana Lima"),
            (["import", folder.path, "--dry-run"], 0, "", "note: skipped \(folder.path)/dangling.txt: a symbolic link to nothing"),
            (["extract", folder.path + "/dangling.txt"], 64, "dangling.txt: no such file or folder", ""),
            (["extract", missing], 64, "missing.txt: no such file or folder", ""),
            (["import", missing], 64, "missing.txt: no such file or folder", ""),
        ]
        for hostile in cases {
            let result = try cli.run(hostile.arguments, timeout: 60)
            let name = hostile.arguments.joined(separator: " ")
            Self.noCrash(result, name)
            #expect(result.status == hostile.status, "\(name): exit \(result.status) \(result.stderr)")
            #expect(hostile.stderr.isEmpty || result.stderr.contains(hostile.stderr), "\(name): \(result.stderr)")
            #expect(hostile.stdout.isEmpty || result.stdout.contains(hostile.stdout), "\(name): \(result.stdout)")
            if hostile.status != 0 {
                #expect(result.stderr.hasPrefix("foretell: ") && result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
            }
        }
        #expect(try cli.state() == before)
    }

    /// 20 MB: an e-mail with a base64 attachment between two forecasts, 76 columns a line with no
    /// sentence end, so the whole attachment is one wrapped paragraph (which took 13 minutes when
    /// joining lines was quadratic). Both forecasts are found: the document was read to its end.
    @Test func aTwentyMegabyteDocumentIsReadToTheEnd() throws {
        let cli = try CLI()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var text = Array(Self.forecastText.utf8) + [0x0A]
        let tail = Array("\nBo Chen: I expect a 20% chance that Rust 2.0 ships by 2027.\n".utf8)
        text.reserveCapacity(20 << 20)
        var state: UInt32 = 2_463_534_242
        while text.count < (20 << 20) - tail.count - 77 {
            for _ in 0..<76 {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5
                text.append(alphabet[Int(state % 64)])
            }
            text.append(0x0A)
        }
        text += tail
        let path = try cli.write("attachment.txt", Data(text))
        let result = try cli.run(["extract", path, "--format", "jsonl"], timeout: 600)
        Self.noCrash(result, "extract of 20 MB")
        #expect(result.status == 0, "\(result.stderr)")
        let owners = result.stdout.split(separator: "\n").compactMap { line in
            (try? CLI.json(String(line)) as? [String: Any])?["owner"] as? String
        }
        #expect(owners == ["Ana Lima", "Bo Chen"])
    }

    // MARK: CSV imports

    @Test func hostileCSVFiles() throws {
        let cli = try CLI()
        try cli.run(["add", "An existing question", "--owner", "me", "-p", "0.3", "--deadline", "2030", "--made-on", "2026-01-01"])
        let header = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"
        let random = try cli.write("random.csv", Self.randomBytes(4096))
        let empty = try cli.write("empty.csv", Data())
        let dangling = cli.folder.appendingPathComponent("dangling.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/gone.csv")
        let absurd = try cli.write("absurd.csv", Data((header + """
            ,Absurd percentage,Ana,99999999999999999999%,2026-01-10,2030,,,,,
            ,Absurd exponent,Ana,1e308,2026-01-10,2030,,,,,
            ,Absurd date,Ana,0.2,99999-01-10,2030,,,,,
            ,Absurd deadline,Ana,0.2,2026-01-10,0000-00-00,,,,,
            99999999999999999999,Absurd id,Ana,0.2,2026-01-10,2030,,,,,
            ,Absurd outcome,Ana,0.2,2026-01-10,2030,maybe,2026-02-01,,,

            """).utf8))
        let before = try cli.state()
        let cases: [(arguments: [String], status: Int32, mentions: String)] = [
            (["import", "--from", "csv", random], 64, "random.csv is a binary file, not CSV text"),
            (["import", "--from", "csv", empty], 64, "empty.csv is empty: a CSV file needs at least a header line"),
            (["import", "--from", "csv", dangling], 64, "dangling.csv: no such file"),
            (["import", "--from", "csv", cli.folder.appendingPathComponent("missing.csv").path], 64, "missing.csv: no such file"),
            (["import", "--from", "csv", cli.folder.path], 64, "\(cli.folder.path) is a folder: name the CSV file itself"),
        ]
        for hostile in cases {
            let result = try cli.run(hostile.arguments, timeout: 60)
            let name = hostile.arguments.joined(separator: " ")
            Self.noCrash(result, name)
            #expect(result.status == hostile.status, "\(name): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("foretell: ") && result.stderr.contains(hostile.mentions), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
        }
        #expect(try cli.state() == before)

        // Rows with absurd values are skipped, each with its line and reason; nothing else is added.
        // All of them skipped: the import fails (exit 1) after its summary.
        let result = try cli.run(["import", "--from", "csv", absurd, "--format", "json"])
        #expect(result.status == 1 && result.stderr.hasPrefix("foretell: every row of"), "\(result.stderr)")
        let summary = try #require(try CLI.json(result.stdout) as? [String: Any])
        #expect(summary["forecasts_added"] as? Int == 0)
        let skipped = try #require(summary["skipped"] as? [[String: Any]])
        #expect(skipped.compactMap { $0["line"] as? Int } == [2, 3, 4, 5, 6, 7], "\(skipped)")
        #expect(try cli.state() == before)
    }

    @Test func invalidUTF8AndAOneMegabyteClaimInACSVAreStoredAsGiven() throws {
        let cli = try CLI()
        let longClaim = String(repeating: "A claim that goes on; ", count: 50_000) // 1.1 MB
        var file = Data("question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n".utf8)
        file += Data(",\"\(longClaim)\",Ana,0.2,2026-01-10,2030,,,,,\n".utf8)
        file += Data(",Bad bytes ".utf8) + Data([0xFF, 0xFE]) + Data(" here,Bo,0.4,2026-01-10,2030,,,,,\n".utf8)
        let path = try cli.write("long.csv", file)
        let result = try cli.run(["import", "--from", "csv", path], timeout: 120)
        Self.noCrash(result, "import of a 1 MB claim")
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.map { $0["claim"] as? String } == [longClaim.trimmingCharacters(in: .whitespaces), "Bad bytes \u{FFFD}\u{FFFD} here"])
        #expect(try cli.run(["verify"]).status == 0)
    }

    // MARK: The ledger file

    @Test(.onLedgerFile) func hostileLedgerFiles() throws {
        let commands: [[String]] = [["list"], ["verify"], ["score"], ["export"], ["show", "1"],
                                    ["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030"],
                                    ["resolve", "1", "yes"]]
        let cli = try CLI()
        func expectRefusal(_ ledger: String, _ message: String, untouched: Bool = true) throws {
            let before = try? Data(contentsOf: URL(fileURLWithPath: ledger))
            for command in commands {
                let result = try CLI.execute([CLI.binary, "--db", ledger] + command, environment: ["HOME": cli.folder.path], timeout: 60)
                Self.noCrash(result, "\(command) on \(ledger)")
                #expect(result.status == 1, "\(command) on \(ledger): exit \(result.status) \(result.stderr)")
                #expect(result.stderr == "foretell: \(message)\n", "\(command) on \(ledger): \(result.stderr)")
            }
            if untouched {
                #expect((try? Data(contentsOf: URL(fileURLWithPath: ledger))) == before, "\(ledger) was changed")
                #expect(!FileManager.default.fileExists(atPath: ledger + "-wal"))
            }
        }

        let notSQLite = try cli.write("notes.sqlite", Self.randomBytes(8192))
        try expectRefusal(notSQLite, "\(notSQLite) is not an SQLite file; it was left untouched: pass --db with a ledger path")
        let text = try cli.write("notes.txt", Data("name,probability\nnot a ledger,0.2\n".utf8))
        try expectRefusal(text, "\(text) is not an SQLite file; it was left untouched: pass --db with a ledger path")

        let foreign = cli.folder.appendingPathComponent("contacts.sqlite").path
        #expect(try TamperTests.sqlite("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana');", on: foreign).status == 0)
        try expectRefusal(foreign, "\(foreign) is an SQLite database of another program, not a foretell ledger; it was left untouched")

        let newer = try CLI()
        #expect(try newer.run(["add", "q", "--owner", "me", "-p", "0.5", "--deadline", "2030"]).status == 0)
        #expect(try TamperTests.sqlite("INSERT INTO grdb_migrations VALUES ('0002_from_the_future');", on: newer.ledger).status == 0)
        try expectRefusal(newer.ledger, "\(newer.ledger) was written by a newer foretell (migrations 0002_from_the_future); upgrade foretell to use it")

        try expectRefusal(cli.folder.path, "\(cli.folder.path) is a folder: pass --db with a file path such as \(cli.folder.path)/ledger.sqlite")

        let dangling = cli.folder.appendingPathComponent("dangling.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/folder/ledger.sqlite")
        try expectRefusal(dangling, "cannot open the ledger \(dangling): it is a symbolic link to /nonexistent/folder/ledger.sqlite, in a folder that does not exist",
                          untouched: false)
    }

    /// How to run foretell as someone file permissions bind. Root ignores them, so as root: as
    /// nobody, with a copy of the binary outside folders nobody may enter; nil when that cannot run
    /// (a toolchain only root can read), and the test says so instead of running.
    static let unprivilegedForetell: [String]? = {
        guard geteuid() == 0 else { return [CLI.binary] }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("foretell-bin-\(UUID().uuidString)")
        let copy = folder.appendingPathComponent("foretell").path
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
              (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
              (try? FileManager.default.copyItem(atPath: CLI.binary, toPath: copy)) != nil,
              (try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)) != nil
        else { return nil }
        let command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", copy]
        let probe = try? CLI.execute(command + ["--version"], environment: [:], timeout: 30)
        return probe?.status == 0 ? command : nil
    }()

    /// A ledger its reader may not write, in a folder it may not write either (a read-only mount,
    /// someone else's ledger): reading works, writing is refused with exit 1, nothing changes.
    @Test(.onLedgerFile, .enabled(if: unprivilegedForetell != nil, "as root, nobody cannot run a copy of foretell here"))
    func aReadOnlyLedgerCanBeReadButNotWritten() throws {
        let foretell = try #require(Self.unprivilegedForetell)
        let cli = try CLI()
        #expect(try cli.run(["add", "Rust 2.0 ships", "--owner", "me", "-p", "0.3", "--deadline", "2030", "--made-on", "2026-01-01"]).status == 0)
        let before = try cli.state()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.ledger))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.ledger)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path) }
        func run(_ arguments: [String]) throws -> CLI.Result {
            try CLI.execute(foretell + ["--db", cli.ledger] + arguments, environment: ["HOME": "/nonexistent"], timeout: 60)
        }
        for reader in [["list"], ["show", "1"], ["verify"], ["score"], ["export"]] {
            let result = try run(reader)
            #expect(result.status == 0, "\(reader): exit \(result.status) \(result.stderr)")
        }
        #expect(try run(["list", "--format", "json"]).stdout.contains("Rust 2.0 ships"))
        #expect(try run(["verify"]).stdout.hasPrefix("ok: 2 journal entries verified"))
        for writer in [["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030"], ["resolve", "1", "yes"],
                       ["forecast", "1", "--owner", "me", "-p", "0.4"]] {
            let result = try run(writer)
            #expect(result.status == 1, "\(writer): exit \(result.status)")
            #expect(result.stderr == "foretell: \(cli.ledger) is read-only: this command writes; check the file's permissions\n",
                    "\(writer): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.ledger)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path) == ["ledger.sqlite"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.ledger)
        #expect(try cli.state() == before)
    }

    // MARK: What people type

    @Test func absurdNumbersAndDates() throws {
        let cli = try CLI()
        try cli.run(["add", "An existing question", "--owner", "me", "-p", "0.3", "--deadline", "2030", "--made-on", "2026-01-01"])
        let before = try cli.state()
        let add = ["add", "c", "--owner", "me", "--deadline", "2030", "-p"]
        let cases: [(arguments: [String], mentions: String)] = [
            (add + ["99999999999999999999%"], "outside 0 to 1"),
            (add + ["-99999999999999999999%"], "outside 0 to 1"),
            (add + ["1e308"], "not a probability"),
            (add + ["1e-400"], "not a probability"),
            (add + ["0x1p-2"], "not a probability"),
            (add + ["inf"], "not a probability"),
            (add + ["0:0"], "outside 0 to 1"),
            (add + ["-1:2"], "outside 0 to 1"),
            (add + [String(repeating: "9", count: 400) + "%"], "not a probability"),
            (add + ["٣٠%"], "not a probability"),
            (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "99999"], "not a date"),
            (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "0000"], "not a date"),
            (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2026-02-30"], "not a date"),
            (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030", "--made-on", "2026-01-01T25:00:00Z"], "not a date or time"),
            (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030", "--made-on", "2026-01-01T10:00:00+99:00"], "not a date or time"),
            (["forecast", "99999999999999999999", "--owner", "me", "-p", "0.2"], "99999999999999999999"),
            (["show", "9223372036854775808"], "9223372036854775808"),
            (["list", "--as-of", "0000-01-01"], "not a date"),
            (["score", "--as-of", "99999-01-01"], "not a date"),
        ]
        for hostile in cases {
            let result = try cli.run(hostile.arguments, timeout: 60)
            let name = hostile.arguments.joined(separator: " ")
            Self.noCrash(result, name)
            #expect(result.status == 64, "\(name): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(hostile.mentions), "\(name): \(result.stderr)")
        }
        // Ids that fit but do not exist are runtime failures.
        for id in ["0", "9223372036854775807"] {
            let result = try cli.run(["resolve", id, "yes"])
            #expect(result.status == 1 && result.stderr == "foretell: no question \(id) in the ledger: see 'foretell list' for ids\n", "\(result.stderr)")
        }
        #expect(try cli.state() == before)
    }

    @Test func veryLongTextIsStoredVerbatim() throws {
        let cli = try CLI()
        // 100 KB each: one argument may hold 128 KB.
        let claim = String(repeating: "Rust 2.0 ships, and then some ", count: 3_400)
        let note = String(repeating: "n", count: 100_000)
        let owner = String(repeating: "Ana ", count: 2_500).trimmingCharacters(in: .whitespaces)
        let added = try cli.run(["add", claim, "--owner", owner, "-p", "0.2", "--deadline", "2030", "--note", note,
                                 "--tag", String(repeating: "t", count: 50_000)], timeout: 60)
        #expect(added.status == 0, "\(added.stderr)")
        let question = try #require((try CLI.json(cli.run(["show", "1", "--format", "json"]).stdout) as? [String: Any]))
        #expect(question["claim"] as? String == claim.trimmingCharacters(in: .whitespaces))
        let forecast = try #require((question["forecasts"] as? [[String: Any]])?.first)
        #expect(forecast["owner"] as? String == owner)
        #expect(forecast["note"] as? String == note)
        #expect(try cli.run(["list"]).status == 0)
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// SQL in every text field a person or a file can fill: stored and given back verbatim, never run.
    @Test func sqlMetacharactersInEveryTextFieldAreStoredVerbatim() throws {
        let cli = try CLI()
        let sql = { (field: String) in "\(field)'); DROP TABLE forecasts; -- \" ; DELETE FROM journal; % _ \\ `x` [y] 💣" }
        // Tags cannot hold ';' (the CSV joins them with it).
        let tag = { (field: String) in "\(field)') OR 1=1 -- DROP TABLE question_tags \" % _ \\ `x` [y]" }
        let added = try cli.run(["add", sql("claim"), "--owner", sql("owner"), "-p", "0.5", "--deadline", "2030",
                                 "--tag", tag("tag"), "--note", sql("note")])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run(["forecast", "1", "--owner", sql("second owner"), "-p", "0.6", "--note", sql("forecast note")]).status == 0)
        #expect(try cli.run(["resolve", "1", "yes", "--note", sql("resolution note")]).status == 0)
        let fields = [sql("csv claim"), sql("csv owner"), "0.25", "2026-01-10", "2030", "no", "2026-02-01", tag("csv tag"),
                      sql("csv source"), sql("csv quote")]
        let csv = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n,"
            + fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        let csvPath = try cli.write("sql.csv", Data(csv.utf8))
        let imported = try cli.run(["import", "--from", "csv", csvPath])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cli.run(["import", try cli.write("sql'; DROP TABLE documents;--.txt", Data(Self.forecastText.utf8))]).status == 0)

        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.count == 3)
        let first = try #require(list.first)
        #expect(first["claim"] as? String == sql("claim"))
        #expect(first["tags"] as? [String] == [tag("tag")])
        let forecasts = try #require(first["forecasts"] as? [[String: Any]])
        #expect(forecasts.map { $0["owner"] as? String } == [sql("owner"), sql("second owner")])
        #expect(forecasts.map { $0["note"] as? String } == [sql("note"), sql("forecast note")])
        let show = try #require(try CLI.json(cli.run(["show", "1", "--format", "json"]).stdout) as? [String: Any])
        #expect((show["resolutions"] as? [[String: Any]])?.first?["note"] as? String == sql("resolution note"))
        let second = list[1]
        #expect(second["claim"] as? String == sql("csv claim"))
        #expect(second["tags"] as? [String] == [tag("csv tag")])
        let imports = try #require(second["forecasts"] as? [[String: Any]])
        #expect(imports.first?["owner"] as? String == sql("csv owner"))
        #expect(imports.first?["source"] as? String == sql("csv source"))
        #expect(imports.first?["quote"] as? String == sql("csv quote"))
        let fromDocument = try #require((list[2]["forecasts"] as? [[String: Any]])?.first)
        #expect((fromDocument["source"] as? String)?.hasSuffix("sql'; DROP TABLE documents;--.txt") == true, "\(fromDocument)")
        // Every table is still there and the journal vouches for every row.
        #expect(try LedgerQueries.integer(cli.ledger, CLI.onPostgres
            ? "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('questions', 'forecasts', 'journal', 'documents')"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('questions', 'forecasts', 'journal', 'documents')") == 4)
        #expect(try cli.run(["verify"]).stdout.hasPrefix("ok: "))
        // And the export reads back into an empty ledger as the same rows.
        let export = try cli.run(["export"]).stdout
        let copy = try CLI()
        #expect(try copy.run(["import", "--from", "csv", try copy.write("export.csv", Data(export.utf8))]).status == 0)
        #expect(try copy.run(["export"]).stdout == export)
    }
}
