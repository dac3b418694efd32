import Foundation
import GRDB
import Testing

/// Every command's writes are one transaction: a process killed with SIGKILL in the middle of a
/// large import, or a command whose SQLite write fails half-way, leaves an intact ledger holding all
/// of the command's events or none of them.
@Suite(.onLedgerFile) struct CrashSafetyTests {
    /// The import's size: two forecasts per question, every tenth question resolved.
    /// FORETELL_CRASH_QUESTIONS=100000 gives the 200k-row import of issue 6 (about a minute in debug).
    static let questions = Int(ProcessInfo.processInfo.environment["FORETELL_CRASH_QUESTIONS"] ?? "") ?? 50_000
    static var forecasts: Int { 2 * questions }
    static var resolutions: Int { questions / 10 }
    static var journalEntries: Int { questions + forecasts + resolutions }

    /// Canonical CSV of `questions` questions, written here rather than by the code under test.
    static func writeLargeImport(to path: String) throws {
        var text = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"
        text.reserveCapacity(questions * 190)
        for question in 1...questions {
            let resolved = question % 10 == 0
            for forecast in 0..<2 {
                text += "\(question),\"Claim \(question), with a comma and \"\"quotes\"\"\",owner \((question + forecast) % 50),"
                text += "0.\(10 + (question * 7 + forecast) % 89),2026-01-\(10 + forecast),2027-12-31,"
                text += resolved ? (question % 20 == 0 ? "yes" : "no") + ",2027-06-01," : ",,"
                text += "batch\(question % 7);t\(forecast),,\n"
            }
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    struct Counts: Equatable, CustomStringConvertible {
        var questions = 0, forecasts = 0, resolutions = 0, journal = 0
        var description: String { "\(questions) questions, \(forecasts) forecasts, \(resolutions) resolutions, \(journal) journal entries" }
    }

    /// Opens the ledger the way SQLite recovers it after a crash, checks its integrity and counts its rows.
    static func inspect(_ path: String) throws -> (integrity: [String], counts: Counts) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            guard tables.contains("journal") else { return (integrity + foreignKeys.map { "\($0)" }, Counts()) }
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
            return (integrity + foreignKeys.map { "\($0)" },
                    Counts(questions: try count("questions"), forecasts: try count("forecasts"),
                           resolutions: try count("resolutions"), journal: try count("journal")))
        }
    }

    enum KillPoint: CustomStringConvertible {
        /// Early: the process is starting, reading the file or beginning the transaction.
        case after(seconds: Double)
        /// Mid-transaction: the write-ahead log holds this much of the uncommitted import.
        case walBeyond(bytes: Int)

        var description: String {
            switch self {
            case .after(let seconds): return String(format: "after %.2f s", seconds)
            case .walBeyond(let bytes): return "once the WAL passed \(bytes >> 20) MiB"
            }
        }
    }

    @Test func killingALargeImportLeavesAllOrNothingAndARunAgainCompletesIt() throws {
        let cli = try CLI()
        let file = cli.folder.appendingPathComponent("large.csv").path
        try Self.writeLargeImport(to: file)
        #expect(try cli.run(["list"]).status == 0) // creates the (empty) ledger
        let full = Counts(questions: Self.questions, forecasts: Self.forecasts, resolutions: Self.resolutions,
                          journal: Self.journalEntries)
        // The WAL of the whole import is about 160 bytes a journal entry.
        let walOfWholeImport = Self.journalEntries * 160
        let points: [KillPoint] = [
            .after(seconds: Double.random(in: 0.05...0.5)),
            .walBeyond(bytes: Int.random(in: walOfWholeImport / 20...walOfWholeImport / 8)),
            .walBeyond(bytes: Int.random(in: walOfWholeImport / 8...walOfWholeImport / 4)),
            .walBeyond(bytes: Int.random(in: walOfWholeImport / 4...walOfWholeImport / 2)),
        ]
        var killedMidTransaction = 0
        var log: [String] = []
        for point in points {
            let started = Date()
            let process = try cli.start(["import", "--from", "csv", file])
            var walAtKill = 0
            while process.isRunning && Date().timeIntervalSince(started) < 120 {
                let wal = (try? FileManager.default.attributesOfItem(atPath: cli.ledger + "-wal")[.size] as? Int) ?? 0
                let due: Bool
                switch point {
                case .after(let seconds): due = Date().timeIntervalSince(started) >= seconds
                case .walBeyond(let bytes): due = wal > bytes
                }
                if due {
                    walAtKill = wal
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
                usleep(5_000)
            }
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
            if killed && walAtKill > 1 << 20 { killedMidTransaction += 1 }

            let (integrity, counts) = try Self.inspect(cli.ledger)
            log.append("\(point): \(killed ? "killed" : "finished, exit \(process.terminationStatus)") after "
                       + String(format: "%.2f s", Date().timeIntervalSince(started)) + ", WAL \(walAtKill >> 20) MiB; ledger: \(counts)")
            #expect(integrity == ["ok"], "\(point): \(integrity)")
            #expect(counts == Counts() || counts == full, "\(point): a partial import: \(counts)")
            if counts == full { break } // it finished before the kill: nothing left to interrupt
            let verify = try cli.run(["verify"])
            #expect(verify.status == 0 && verify.stdout.contains("ok: 0 journal entries"), "\(point): \(verify.stdout)\(verify.stderr)")
        }
        print("crash safety, \(Self.forecasts) rows:\n  " + log.joined(separator: "\n  "))
        #expect(killedMidTransaction >= 2, "the kills should land mid-transaction: \(log)")

        // Running it again completes it.
        let again = try cli.run(["import", "--from", "csv", file, "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        let (integrity, counts) = try Self.inspect(cli.ledger)
        #expect(integrity == ["ok"] && counts == full, "\(integrity) \(counts)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: \(Self.journalEntries) journal entries verified"),
                "\(verify.stdout)\(verify.stderr)")
    }

    /// A write that fails half-way through a command (as a full disk or an I/O error would) leaves
    /// none of the command's events: a trigger makes the journal refuse its next insert once the
    /// command has recorded `after` events.
    @Test(arguments: [
        (["add", "A new claim", "--owner", "Ana", "-p", "0.3", "--deadline", "2030"], 1),
        (["forecast", "1", "--owner", "Bo", "-p", "0.4"], 0),
        (["resolve", "1", "yes"], 0),
        (["import", "--from", "csv", "thirty.csv"], 25),
        (["import", "rain.txt"], 2),
    ])
    func aWriteFailingMidCommandLeavesNothing(arguments: [String], after: Int) throws {
        let cli = try CLI()
        #expect(try cli.run(["add", "An existing question", "--owner", "me", "-p", "0.5", "--deadline", "2030",
                             "--made-on", "2026-01-01"]).status == 0)
        var csv = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"
        for row in 1...30 { csv += ",Imported claim \(row),Cy,0.\(row + 10),2026-02-01,2028,,,,,\n" }
        try cli.write("thirty.csv", Data(csv.utf8))
        try cli.write("rain.txt", Data("Date: 2026-01-10\n\nCarla Diaz: I think there is a 70% chance that it will rain in Paris on 14 July 2026.\n".utf8))
        let before = try cli.state()
        let fault = """
            CREATE TRIGGER injected_fault BEFORE INSERT ON journal WHEN (SELECT count(*) FROM journal) >= \(2 + after)
            BEGIN SELECT RAISE(FAIL, 'injected fault'); END;
            """
        #expect(try TamperTests.sqlite(fault, on: cli.ledger).status == 0)
        let command = arguments.map { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") ? cli.folder.appendingPathComponent($0).path : $0 }
        let failed = try cli.run(command)
        #expect(failed.status == 1, "\(arguments): exit \(failed.status) \(failed.stdout)")
        #expect(failed.stderr == "foretell: ledger error: injected fault\n", "\(arguments): \(failed.stderr)")
        #expect(try cli.state() == before, "\(arguments) left part of its writes")
        // The fault was the only obstacle.
        #expect(try TamperTests.sqlite("DROP TRIGGER injected_fault;", on: cli.ledger).status == 0)
        let succeeded = try cli.run(command)
        #expect(succeeded.status == 0, "\(arguments): \(succeeded.stderr)")
        #expect(try cli.state() != before)
        #expect(try cli.run(["verify"]).status == 0)
    }
}
