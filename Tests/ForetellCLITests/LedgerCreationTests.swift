import Foundation
import Testing

/// Issue 15, finding 8: the first use of a ledger is safe when several processes make it at once.
/// Before the folder lock, 8 `add`s at once on a ledger that did not exist failed in 14 of 20
/// rounds ("an SQLite database of another program", "no such table: grdb_migrations", "locked
/// for 60 s" after 0.18 s).
@Suite struct LedgerCreationTests {
    static let processes = 8
    static let rounds = 20

    @Test func eightAddsAtOnceCreateOneLedger() throws {
        let cli = try CLI()
        let environment = ["PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"]
        var failures: [String] = []
        for round in 1...Self.rounds {
            // In a folder that does not exist yet either, as on a first run.
            let ledger = cli.folder.appendingPathComponent("round-\(round)/ledger.sqlite").path
            // Started from threads of this process, not as shell jobs: the test process blocks
            // SIGCHLD, which a shell inherits, so its `wait` would never return.
            let group = DispatchGroup()
            let lock = NSLock()
            nonisolated(unsafe) var results: [Int: CLI.Result] = [:]
            for number in 1...Self.processes {
                group.enter()
                DispatchQueue.global().async {
                    let result = try? CLI.execute([CLI.binary, "--db", ledger, "add", "question \(number)", "--owner", "owner \(number)",
                                                   "-p", "0.5", "--deadline", "2030"], environment: environment, timeout: 120)
                    lock.withLock { results[number] = result }
                    group.leave()
                }
            }
            group.wait()
            for number in 1...Self.processes {
                guard let result = results[number] else { failures.append("round \(round): add \(number) did not run"); continue }
                if result.status != 0 || !result.stderr.isEmpty {
                    failures.append("round \(round), add \(number): exit \(result.status) \(result.stderr)")
                }
            }
            let list = try CLI.execute([CLI.binary, "--db", ledger, "list", "--format", "json"], environment: environment)
            let questions = try CLI.json(list.stdout) as? [[String: Any]] ?? []
            #expect(Set(questions.compactMap { $0["claim"] as? String }) == Set((1...Self.processes).map { "question \($0)" }),
                    "round \(round): \(list.stdout)\(list.stderr)")
            let verify = try CLI.execute([CLI.binary, "--db", ledger, "verify"], environment: environment)
            #expect(verify.stdout.hasPrefix("ok: \(2 * Self.processes) journal entries verified"), "round \(round): \(verify.stderr)")
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures)")
    }
}
