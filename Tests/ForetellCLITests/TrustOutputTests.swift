import Foundation
import Testing

/// Issue 15, findings 3, 4 and 5: what foretell prints and writes keeps its promises (7, 9 and 10
/// are in `TrustInterchangeTests`). Each test runs the built binary; `docs/trust.md` names them
/// under the finding they prove.
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

    @Test(.onLedgerFile) func finding4OutputRefusesTheLedgerAndItsCompanionFiles() throws {
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
}
