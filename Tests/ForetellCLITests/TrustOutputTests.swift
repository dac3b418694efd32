import Foundation
import Testing

/// Issue 15, findings 3, 4, 5, 7, 9 and 10: what foretell prints and writes keeps its promises.
/// Each test runs the built binary; `docs/trust.md` names them under the finding they prove.
@Suite struct TrustOutputTests {
    /// Text with one of each thing a terminal acts on: ESC sequences (clear screen, OSC 0 title,
    /// OSC 8 link), a C1 control (CSI, U+009B), backspace, carriage return, bell and bidi overrides.
    static let hostile = "Rain \u{1B}[2J\u{1B}]0;owned\u{07} in \u{1B}]8;;https://evil.example\u{1B}\\Paris\u{1B}]8;;\u{1B}\\ \u{9B}31m"
        + " back\u{08}\u{08} over\rwritten \u{202E}desrever\u{202C} \u{2066}isolated\u{2069}"

    /// Whether text holds anything a terminal would act on rather than show.
    static func actsOnTerminal(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A, 0x09: return false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    // MARK: Finding 3: control characters never reach the terminal

    @Test func finding3ControlCharactersAreShownEscapedEverywhereButJSONAndCSV() throws {
        let cli = try CLI()
        let owner = "Eve\u{1B}[31m\u{9B}\u{202E}"
        let tag = "t\u{1B}[7m\u{07}x\u{9B}"
        try cli.run(["add", Self.hostile, "--owner", owner, "-p", "0.7", "--deadline", "2026-07-14",
                     "--made-on", "2026-07-01", "--tag", tag, "--note", "note \u{1B}[2J\r"])
        try cli.run(["resolve", "1", "yes", "--on", "2026-07-14", "--note", "said \u{1B}]8;;x\u{07}"])
        try cli.run(["add", "Open \u{1B}[2J question", "--owner", owner, "-p", "0.2", "--deadline", "2099"])
        // A document whose quote and file name carry them too.
        let document = try cli.write("evil\u{1B}[2J\u{202E}.txt", Data(
            "Date: 2026-01-10\n\nAna \u{1B}[5mLima\u{1B}[0m said there is a 70% chance that it rains \u{1B}]0;x\u{07}in Paris by 2027.\n".utf8))
        try cli.run(["import", document])

        let runs: [[String]] = [
            ["list"], ["list", "--due", "--as-of", "2030-01-01"], ["show", "1"], ["show", "3"], ["score"],
            ["score", "--owner", owner], ["extract", document], ["import", document, "--dry-run"],
            // Errors quote what was typed: an unknown owner, a missing file with controls in its name.
            ["score", "--owner", "no\u{1B}[2Jbody"], ["import", cli.folder.path + "/missing\u{1B}]0;x\u{07}.txt"],
        ]
        for arguments in runs {
            let result = try cli.run(arguments)
            let name = arguments.joined(separator: " ").debugDescription
            #expect(!Self.actsOnTerminal(result.stdout), "\(name) printed a control character: \(result.stdout.debugDescription)")
            #expect(!Self.actsOnTerminal(result.stderr), "\(name) printed a control character: \(result.stderr.debugDescription)")
        }
        // Shown escaped, not dropped: the reader sees that something is there.
        let show = try cli.run(["show", "1"]).stdout
        #expect(show.contains("Rain \\u{1B}[2J\\u{1B}]0;owned\\u{7} in"), "\(show)")
        #expect(show.contains("\\u{202E}desrever"))

        // JSON and CSV keep the exact text.
        let json = try #require(try CLI.json(cli.run(["show", "1", "--format", "json"]).stdout) as? [String: Any])
        #expect(json["claim"] as? String == Self.hostile)
        #expect((json["tags"] as? [String]) == [tag])
        let forecast = try #require((json["forecasts"] as? [[String: Any]])?.first)
        #expect(forecast["owner"] as? String == owner)
        let csv = try cli.run(["export", "--raw"]).stdout
        #expect(csv.contains(Self.hostile))
    }

    // MARK: Finding 4: --output never destroys what is at the path

    @Test func finding4OutputRefusesTheLedgerAndItsCompanionFiles() throws {
        let cli = try CLI()
        try cli.run(["add", "Rust 2.0 ships", "--owner", "me", "-p", "0.2", "--deadline", "2028", "--made-on", "2026-01-01"])
        let before = try cli.run(["export", "--format", "json"]).stdout
        let ledgerBytes = try Data(contentsOf: URL(fileURLWithPath: cli.ledger))
        let link = cli.folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.ledger)
        for target in [cli.ledger, cli.ledger + "-wal", cli.ledger + "-shm", link] {
            for command in [["export"], ["export", "--format", "json"], ["score", "--format", "html"]] {
                let result = try cli.run(command + ["--output", target])
                #expect(result.status == 64, "\(command) --output \(target): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("is the ledger"), "\(result.stderr)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.ledger)) == ledgerBytes)
        #expect(try cli.run(["export", "--format", "json"]).stdout == before)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func finding4OutputKeepsModeFollowsSymlinksWritesThroughFIFOsAndDashIsStandardOutput() throws {
        let cli = try CLI()
        try cli.run(["add", "Rust 2.0 ships", "--owner", "me", "-p", "0.2", "--deadline", "2028", "--made-on", "2026-01-01"])
        let expected = try cli.run(["export"]).stdout
        let manager = FileManager.default

        // An existing 0600 file stays 0600.
        let secret = cli.folder.appendingPathComponent("secret.csv").path
        #expect(manager.createFile(atPath: secret, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        #expect(try cli.run(["export", "--output", secret]).status == 0)
        #expect(try manager.attributesOfItem(atPath: secret)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == expected)

        // A symlink stays a symlink; the file it names gets the export.
        let link = cli.folder.appendingPathComponent("latest.csv").path
        try manager.createSymbolicLink(atPath: link, withDestinationPath: secret)
        try Data("old".utf8).write(to: URL(fileURLWithPath: secret))
        #expect(try cli.run(["export", "--output", link]).status == 0)
        #expect(try manager.destinationOfSymbolicLink(atPath: link) == secret)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == expected)

        // A FIFO is written through, and stays a FIFO.
        let fifo = cli.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let throughFIFO = try cli.run(["export", "--output", fifo], timeout: 30)
        // A binary that never opened the FIFO would leave the reader waiting: a writer that opens and
        // closes it ends that wait (and, after a real writer, changes nothing).
        let unblock = open(fifo, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        while !reader.isFinished { usleep(10_000) }
        #expect(throughFIFO.status == 0, "\(throughFIFO.stderr)")
        #expect(String(decoding: received, as: UTF8.self) == expected)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)

        // `-` is standard output, for export and for score.
        let dash = try cli.run(["export", "--output", "-"])
        #expect(dash.stdout == expected)
        let scoreDash = try cli.run(["score", "--format", "json", "--output", "-"])
        #expect(scoreDash.stdout.hasPrefix("{"))
        #expect(!manager.fileExists(atPath: cli.folder.appendingPathComponent("-").path))
        #expect(!manager.fileExists(atPath: "-"))
        // Nothing half-written is left beside the outputs.
        #expect(try manager.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.hasSuffix(".partial") })
    }

    // MARK: Finding 5: a failed write is an error

    /// Runs foretell with standard output on `/dev/full`, where every write fails with ENOSPC.
    static func intoFullDevice(_ cli: CLI, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["--db", cli.ledger] + arguments
        process.environment = ["HOME": cli.folder.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// Whether /dev/full is the device (a character device), not a file left by some program.
    static var fullDeviceExists: Bool {
        var info = stat()
        return stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    @Test(.enabled(if: fullDeviceExists))
    func finding5EveryCommandThatWritesReportsAFailedWriteAndExits1() throws {
        let cli = try CLI()
        try cli.run(["add", "Rust 2.0 ships", "--owner", "me", "-p", "0.2", "--deadline", "2026-06", "--made-on", "2026-01-01"])
        try cli.run(["resolve", "1", "no", "--on", "2026-06-30"])
        let document = try cli.write("note.txt", Data(HostileInputTests.forecastText.utf8))
        let before = try cli.state()
        let commands: [[String]] = [
            ["export"], ["export", "--format", "json"], ["export", "--format", "ics"], ["list"], ["list", "--format", "json"],
            ["show", "1"], ["score"], ["score", "--format", "json"], ["score", "--format", "csv"], ["verify"],
            ["verify", "--anchor"], ["extract", document],
        ]
        for arguments in commands {
            let result = try Self.intoFullDevice(cli, arguments)
            #expect(result.status == 1, "\(arguments) > /dev/full exited \(result.status): \(result.stderr)")
            #expect(result.stderr.hasPrefix("foretell: cannot write"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        // Through a symlink in the test's folder: a binary that renames over its output (as the
        // old one did) then replaces the link, not the machine's /dev/full.
        let full = cli.folder.appendingPathComponent("full").path
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        for arguments in [["export", "--output", full], ["score", "--format", "json", "--output", full]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr == "foretell: cannot write \(full): No space left on device\n")
        }
        #expect(try cli.state() == before)
    }

    @Test func finding5AClosedPipeStaysQuiet() throws {
        let cli = try CLI()
        for day in 1...9 {
            try cli.run(["add", "Question \(day)", "--owner", "me", "-p", "0.2", "--deadline", "2030", "--made-on", "2026-01-0\(day)"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["--db", cli.ledger, "export"]
        process.environment = ["HOME": cli.folder.path, "PATH": "/usr/bin:/bin"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try output.fileHandleForReading.close()
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
        // Ended by SIGPIPE, as `cat` or `grep` would be.
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
    }

    // MARK: Finding 7: document import never merges different forecasts

    @Test func finding7DifferentForecastsOfOneOwnerAreNeverMerged() throws {
        let cli = try CLI()
        let democrats = try cli.write("a.txt", Data(
            "Date: 2026-01-10\n\nMaria Lopez said there is a 90% chance that the Democrats win the Senate in 2026.\n".utf8))
        let republicans = try cli.write("b.txt", Data(
            "Date: 2026-02-10\n\nMaria Lopez said there is a 10% chance that the Republicans win the Senate in 2026.\n".utf8))
        var towns: [String] = []
        for town in 1...6 {
            towns.append(try cli.write("town\(town).txt", Data(
                "Date: 2026-03-0\(town)\n\nTom Reyes said there is a 70% chance that the Town \(town) bridge reopens by 2027.\n".utf8)))
        }
        // A report of Maria's forecast in other words: the same forecast, a second source.
        let report = try cli.write("c.txt", Data(
            "Date: 2026-01-12\n\nMaria Lopez said there is a 90% chance that the Democrats will win the Senate in 2026.\n".utf8))
        let extracted = try cli.run(["extract", "--format", "jsonl", democrats, republicans, report] + towns).stdout
            .split(separator: "\n").count
        #expect(extracted == 9)

        #expect(try cli.run(["import", democrats, republicans, report] + towns).status == 0)
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        let claims = list.compactMap { $0["claim"] as? String }
        #expect(claims.count == 8, "\(claims)")
        let forecasts = list.flatMap { ($0["forecasts"] as? [[String: Any]]) ?? [] }
        // Every extracted forecast is in the ledger: 9 read, 8 forecasts, the 9th a second source.
        #expect(forecasts.count == 8)
        #expect(forecasts.compactMap { $0["probability"] as? Double }.sorted() == [0.1] + Array(repeating: 0.7, count: 6) + [0.9])
        let sources = forecasts.map { (($0["sources"] as? [[String: Any]]) ?? []).count }
        #expect(sources.reduce(0, +) == 9)
        let maria = try #require(forecasts.first { $0["probability"] as? Double == 0.9 })
        #expect((maria["sources"] as? [[String: Any]])?.compactMap { $0["source"] as? String } == [democrats, report])
        #expect(Set(claims.filter { $0.contains("Town") }).count == 6)
    }

    // MARK: Finding 9: export then import is the same ledger

    /// A ledger that uses every feature: documents (quotes, lines, hashes, a window with an earliest
    /// day, verbal probabilities), a tracker import (external references), notes, ranges through
    /// documents, timestamps, tags, a correction with notes, and a CSV source without a hash.
    static func everyFeatureLedger() throws -> CLI {
        let cli = try CLI()
        try cli.run(["add", "It rains in Paris on 14 July 2026", "--owner", "me", "-p", "0.00005", "--deadline", "2026-07-14",
                     "--made-on", "2026-07-01T08:30:00+02:00", "--tag", "weather", "--tag", "=paris", "--note", "gut feeling"])
        try cli.run(["forecast", "1", "--owner", "Ana", "-p", "60%", "--made-on", "2026-07-02", "--note", "models agree"])
        try cli.run(["resolve", "1", "yes", "--on", "2026-07-14", "--note", "Météo-France"])
        try cli.run(["resolve", "1", "no", "--on", "2026-07-14T23:00:00Z", "--note", "the correction"])
        #expect(try cli.run(["import", SharedSeeds.folder]).status == 0)
        let range = try cli.write("range.txt", Data(
            "Date: 2026-01-10\n\nAna Lima said there is a 10-20% chance that the Louvre closes by 2028.\n".utf8))
        #expect(try cli.run(["import", range]).status == 0)
        #expect(try cli.run(["import", "--from", "fatebook", Fixtures.path("fatebook/fatebook-export.csv")]).status == 0)
        let csv = try cli.write("extra.csv", Data(#"""
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote
            ,"@SUM(A1) ships, or not",+bob,0.123456789012345678,2026-02-03,2027,,,x;y,notes.md,"he said ""maybe"""

            """#.utf8))
        #expect(try cli.run(["import", csv]).status == 0)
        return cli
    }

    @Test func finding9JSONExportImportExportIsByteIdenticalAndVerifies() throws {
        let cli = try Self.everyFeatureLedger()
        let backup = cli.folder.appendingPathComponent("backup.json").path
        #expect(try cli.run(["export", "--format", "json", "--output", backup]).status == 0)
        let original = try String(contentsOfFile: backup, encoding: .utf8)
        for needed in ["\"note\": \"the correction\"", "\"note\": \"gut feeling\"", "\"sha256\": \"", "\"earliest\": \"2029",
                       "\"external_ref\": \"fatebook", "\"basis\": \"verbal\"", "\"probability\": 5e-05",
                       "\"probability_low\": 0.1, \"probability_high\": 0.2"] {
            #expect(original.contains(needed), "the ledger does not use \(needed)")
        }

        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let restore = try cli.run(["--db", restored, "import", backup], ledgerFlag: false)
        #expect(restore.status == 0, "\(restore.stderr)")
        let again = try cli.run(["--db", restored, "export", "--format", "json"], ledgerFlag: false)
        #expect(again.stdout == original)
        #expect(try cli.run(["--db", restored, "verify"], ledgerFlag: false).status == 0)
        for view in [["export"], ["score", "--format", "json", "--as-of", "2026-12-01"], ["list", "--format", "json"]] {
            #expect(try cli.run(["--db", restored] + view, ledgerFlag: false).stdout == cli.run(view).stdout, "\(view)")
        }

        // Again into a ledger that already is this backup: nothing to add, as for any import.
        var before = try cli.state()
        let again2 = try cli.run(["import", backup])
        #expect(again2.status == 0 && again2.stdout.contains("nothing to add"), "\(again2.stdout) \(again2.stderr)")
        #expect(try cli.state() == before)
        // Into a ledger with other history: refused, and that ledger is untouched.
        try cli.run(["forecast", "1", "--owner", "late", "-p", "0.5", "--made-on", "2026-07-03"])
        before = try cli.state()
        let other = try cli.run(["import", backup])
        #expect(other.status == 1 && other.stderr.contains("restore into a new ledger"), "\(other.stderr)")
        #expect(try cli.state() == before)
    }

    @Test func finding9ALedgerWithTheLargestQuestionIdExportsAndRestores() throws {
        let cli = try CLI()
        let csv = try cli.write("big.csv", Data("""
            question_id,claim,owner,probability,made_on
            9223372036854775807,The largest id,me,0.5,2026-01-01
            1,The smallest id,me,0.25,2026-01-02

            """.utf8))
        #expect(try cli.run(["import", csv]).status == 0)
        // It walked every number up to the largest id, 2,000 at a time, and would have trapped at the end.
        let export = try cli.run(["export", "--format", "json"], timeout: 60)
        #expect(export.status == 0)
        let questions = try #require(try CLI.json(export.stdout) as? [[String: Any]])
        #expect(questions.compactMap { $0["question_id"] as? Int64 } == [1, Int64.max])
        let backup = try cli.write("backup.json", Data(export.stdout.utf8))
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        #expect(try cli.run(["--db", restored, "import", backup], ledgerFlag: false).status == 0)
        #expect(try cli.run(["--db", restored, "export", "--format", "json"], ledgerFlag: false, timeout: 60).stdout == export.stdout)
    }

    @Test func finding9CSVWritesPlainNumbersAndRoundTripsEveryText() throws {
        let cli = try Self.everyFeatureLedger()
        let csv = try cli.run(["export"]).stdout
        #expect(csv.contains(",0.00005,"), "no 5e-05: \(csv)")
        #expect(csv.contains(",0.12345678901234568,") || csv.contains(",0.123456789012345678,"))
        #expect(!csv.contains("e-0"))
        let file = try cli.write("ledger.csv", Data(csv.utf8))
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["--db", copy, "import", file], ledgerFlag: false).status == 0)
        #expect(try cli.run(["--db", copy, "export"], ledgerFlag: false).stdout == csv)
        #expect(try cli.run(["--db", copy, "export", "--raw"], ledgerFlag: false).stdout == cli.run(["export", "--raw"]).stdout)
    }

    @Test func finding9FilesImportCannotReadAreErrors() throws {
        let cli = try CLI()
        try cli.run(["add", "Rust 2.0 ships", "--owner", "me", "-p", "0.2", "--deadline", "2028", "--made-on", "2026-01-01"])
        let before = try cli.state()
        let files = [
            try cli.write("settings.json", Data(#"{"theme": "dark"}"#.utf8)),
            try cli.write("list.json", Data(#"[{"id": 1}]"#.utf8)),
            try cli.write("paper.pdf", Data("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj".utf8)),
            try cli.write("letter.rtf", Data(#"{\rtf1\ansi Ana Lima: 70% that it rains in Paris by 2027.}"#.utf8)),
        ]
        for file in files {
            let result = try cli.run(["import", file])
            #expect(result.status == 64, "\(file): \(result.status) \(result.stdout) \(result.stderr)")
            #expect(result.stderr.hasPrefix("foretell: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stdout.contains("0 rows"))
        }
        #expect(try cli.state() == before)
    }

    // MARK: Finding 10: CSV cells a spreadsheet would run

    @Test func finding10FormulaCellsAreNeutralisedByDefaultAndRestoredOnImport() throws {
        let cli = try CLI()
        let claims = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2 ships", "-2+3 ships", "@SUM(A1) ships", "'quoted ships"]
        // Texts a hostile document or file could bring, written raw (the apostrophe one through add:
        // a CSV cell's first apostrophe is read as the neutralising mark).
        var rawCSV = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"
        for (index, claim) in claims.dropLast().enumerated() {
            rawCSV += "\(index + 1),\"\(claim.replacingOccurrences(of: "\"", with: "\"\""))\",=cmd|' /C calc'!A0,0.3,2019-01-01,"
                + "2020-01-0\(index + 1),no,2020-01-0\(index + 1),@tag,,\n"
        }
        #expect(try cli.run(["import", "--from", "csv", cli.write("raw.csv", Data(rawCSV.utf8))]).status == 0)
        try cli.run(["add", claims[4], "--owner", "=cmd|' /C calc'!A0", "-p", "0.3", "--deadline", "2020-01-05",
                     "--made-on", "2019-01-01", "--tag", "@tag"])
        try cli.run(["resolve", "5", "no", "--on", "2020-01-05"])
        let csv = try cli.run(["export"]).stdout
        let rows = csv.split(separator: "\n").dropFirst()
        for row in rows {
            // No cell starts with a character a spreadsheet would run.
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.hasPrefix("\"") ? $0.dropFirst() : $0 }
            #expect(cells.allSatisfy { !["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") }, "\(row)")
        }
        #expect(csv.contains("'=HYPERLINK") && csv.contains("'+1+2") && csv.contains("'-2+3") && csv.contains("'@SUM")
            && csv.contains("''quoted") && csv.contains("'=cmd|") && csv.contains(",'@tag,"))
        let raw = try cli.run(["export", "--raw"]).stdout
        #expect(raw.contains("\n1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",=cmd|' /C calc'!A0,0.3,"), "\(raw)")

        let score = try cli.run(["score", "--format", "csv"]).stdout
        #expect(score.contains("\nowner,'=cmd|' /C calc'!A0,"), "\(score)")
        #expect(score.contains("\ntag,'@tag,"))
        #expect(try cli.run(["score", "--format", "csv", "--raw"]).stdout.contains("\nowner,=cmd|' /C calc'!A0,"))

        // The default export imports back to the exact texts.
        let file = try cli.write("ledger.csv", Data(csv.utf8))
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["--db", copy, "import", file], ledgerFlag: false).status == 0)
        let restored = try #require(try CLI.json(cli.run(["--db", copy, "list", "--format", "json"], ledgerFlag: false).stdout) as? [[String: Any]])
        #expect(restored.compactMap { $0["claim"] as? String } == claims)
        #expect(try cli.run(["--db", copy, "export", "--raw"], ledgerFlag: false).stdout == raw)
    }
}
