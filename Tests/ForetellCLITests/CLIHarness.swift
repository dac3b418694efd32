import Foundation
import Testing

/// Runs the built `foretell` binary on a temporary ledger, the way a person or a script would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: URL
    let ledger: String

    /// With `onFile: false` and `FORETELL_TEST_POSTGRES_URL` set, the ledger is a new, empty
    /// PostgreSQL database on that server; otherwise a new SQLite file.
    init(onFile: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("foretell-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if !onFile, let server = CLI.postgresServer {
            ledger = try PostgresTestServer.createDatabase(on: server)
        } else {
            ledger = folder.appendingPathComponent("ledger.sqlite").path
        }
    }

    /// The server the end-to-end tests run on instead of SQLite files (`FORETELL_TEST_POSTGRES_URL`,
    /// e.g. the URL `scripts/postgres-test-server start` prints), or nil.
    static let postgresServer: String? = {
        guard let url = ProcessInfo.processInfo.environment["FORETELL_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    /// Whether this run's ledgers are PostgreSQL databases.
    static var onPostgres: Bool { postgresServer != nil }

    /// The executable beside the test bundle (`swift test` builds it first: the test target depends on it).
    static let binary: String = {
        if let override = ProcessInfo.processInfo.environment["FORETELL_BIN"] { return override }
        let buildFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [buildFolder, buildFolder.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("foretell").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return buildFolder.appendingPathComponent("foretell").path
    }()

    /// Runs `foretell --db LEDGER ARGS...` with a clean environment (no NO_COLOR surprises, no real ledger).
    @discardableResult
    func run(_ arguments: [String], ledgerFlag: Bool = true, environment: [String: String] = [:], stdin: String? = nil,
             timeout: TimeInterval? = nil) throws -> Result {
        try CLI.execute([CLI.binary] + (ledgerFlag ? ["--db", ledger] : []) + arguments,
                        environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin"].merging(environment) { $1 }, stdin: stdin,
                        timeout: timeout)
    }

    /// Starts the binary on this ledger and returns at once, its output discarded: for a test that
    /// kills a command, or does something else while one runs.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["--db", ledger] + arguments
        process.environment = ["HOME": folder.path, "SWIFT_BACKTRACE": "enable=no"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// With a `timeout`, a command still running after that many seconds is killed (SIGKILL, status 9):
    /// a hang fails the test instead of stalling the suite.
    static func execute(_ command: [String], environment: [String: String], stdin: String? = nil,
                        timeout: TimeInterval? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        let watchdog = timeout.map { seconds in
            let pid = process.processIdentifier
            let item = DispatchWorkItem { kill(pid, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
            return item
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so that a large output cannot block the child.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog?.cancel()
        return Result(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// Writes a file into this run's folder and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Parses JSON printed by a command.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// `score --format json`'s overall n and Brier, every forecast counted or (by default) each
    /// owner's latest per question.
    func overallScore(everyForecast: Bool) throws -> (n: Int, brier: Double) {
        let result = try run(["score", "--format", "json"] + (everyForecast ? ["--every-forecast"] : []))
        let json = try CLI.json(result.stdout) as? [String: Any]
        let overall = json?["overall"] as? [String: Any]
        return (overall?["n"] as? Int ?? -1, overall?["brier"] as? Double ?? .nan)
    }

    /// A fingerprint of everything the ledger holds: its export and its journal head.
    func state() throws -> String {
        let export = try run(["export"])
        let head = try run(["verify", "--format", "json"])
        return export.stdout + head.stdout
    }

    /// What "the ledger is exactly as it was" compares: the file's bytes on SQLite, ``state()``
    /// (every row through export, and the journal head) on PostgreSQL.
    func image() throws -> Data {
        CLI.onPostgres ? Data(try state().utf8) : try Data(contentsOf: URL(fileURLWithPath: ledger))
    }
}

extension Trait where Self == ConditionTrait {
    /// For tests that open the ledger's file themselves (sqlite3, file bytes, WAL files): they run
    /// when the suite runs on SQLite. Their PostgreSQL counterparts are in PostgresTests.
    static var onLedgerFile: Self { .enabled(if: !CLI.onPostgres, "reads or edits the SQLite ledger file itself") }
}

/// Databases on the test server, through `psql` (PostgreSQL's client, installed with the server).
enum PostgresTestServer {
    static let psql = "/usr/bin/psql"

    /// Creates a uniquely named database and returns its URL.
    static func createDatabase(on server: String) throws -> String {
        let name = "foretell_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let result = try CLI.execute([psql, server, "-XqAt", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"],
                                     environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        guard result.status == 0 else { throw PostgresTestError(message: "cannot create a test database: \(result.stderr)") }
        return url(server, database: name)
    }

    /// The same server URL naming another database.
    static func url(_ server: String, database: String) -> String {
        guard var components = URLComponents(string: server) else { return server }
        components.path = "/" + database
        return components.string ?? server
    }

    /// Runs SQL on a ledger's database; returns psql's result (unaligned, tuples only).
    @discardableResult
    static func sql(_ sql: String, on ledger: String) throws -> CLI.Result {
        try CLI.execute([psql, ledger, "-XqAt", "-v", "ON_ERROR_STOP=1", "-c", sql], environment: ["PATH": "/usr/bin:/bin"], timeout: 120)
    }
}

struct PostgresTestError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Files the tests import, under `Tests/ForetellCLITests/Fixtures/`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }
}
