import Foundation
import Testing

@Suite struct ConcurrencyTests {
    static let writers = 8
    static let rounds = 10
    static let sharedQuestions = 4

    /// Issue 2's criterion as stated: four processes adding 25 forecasts each to the same question
    /// at the same time leave exactly 100 new forecasts, 25 per owner, and no command fails.
    @Test func fourProcessesAddingTwentyFiveForecastsEachLeaveExactlyOneHundred() throws {
        let cli = try CLI()
        #expect(try cli.run(["add", "Shared question", "--owner", "seed", "-p", "0.5", "--deadline", "2030"]).status == 0)
        let writer = """
            for i in $(seq 1 25); do
              "$FORETELL" --db "$LEDGER" forecast 1 --owner "writer $WRITER" -p 0.$WRITER >/dev/null || echo "exit $? on forecast $i" >&2
            done
            """
        let environment = ["FORETELL": CLI.binary, "LEDGER": cli.ledger, "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"]
        let group = DispatchGroup()
        let lock = NSLock()
        nonisolated(unsafe) var failures: [String] = []
        for number in 1...4 {
            group.enter()
            DispatchQueue.global().async {
                let result = try? CLI.execute(["/bin/sh", "-c", writer], environment: environment.merging(["WRITER": "\(number)"]) { $1 },
                                              timeout: 300)
                lock.withLock { failures.append(result.map { $0.stderr } ?? "writer \(number) did not run") }
                group.leave()
            }
        }
        group.wait()
        #expect(failures.count == 4 && failures.allSatisfy(\.isEmpty), "\(failures)")
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        let forecasts = try #require(list.first?["forecasts"] as? [[String: Any]])
        #expect(forecasts.count == 1 + 100)
        for number in 1...4 {
            #expect(forecasts.filter { $0["owner"] as? String == "writer \(number)" }.count == 25)
        }
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// Eight processes write at once, each adding its own questions and forecasting and resolving
    /// four shared ones, while two readers run `list` and `score` over and over: every write lands
    /// (counted per writer), no command fails, and the journal verifies afterwards.
    @Test func eightWritersAndTwoReadersLoseNothing() throws {
        let cli = try CLI()
        for shared in 1...Self.sharedQuestions {
            #expect(try cli.run(["add", "Shared question \(shared)", "--owner", "seed", "-p", "0.5", "--deadline", "2030",
                                 "--made-on", "2026-01-01"]).status == 0)
        }
        // Each command's stderr goes to the writer's log; a non-zero exit is reported on the script's stderr.
        let writer = """
            run() { "$FORETELL" --db "$LEDGER" "$@" >/dev/null 2>>"$LOG" || echo "exit $? from: $*" >&2; }
            for i in $(seq 1 \(Self.rounds)); do
              run add "writer $WRITER claim $i" --owner "writer $WRITER" -p 0.$WRITER --deadline 2030
              run forecast $(( (i + WRITER) % \(Self.sharedQuestions) + 1 )) --owner "writer $WRITER" -p 0.$i
              if [ $(( i % 5 )) -eq 0 ]; then
                run resolve $(( WRITER % \(Self.sharedQuestions) + 1 )) $([ $(( i % 10 )) -eq 0 ] && echo yes || echo no) --note "writer $WRITER round $i"
              fi
            done
            """
        let reads = ["list --format json", "score --format json"]
        let run = WritersAndReaders.run(cli, writers: Self.writers, writerScript: writer, reads: reads, timeout: 300)

        // Nothing failed: no non-zero exit, and nothing on stderr but the note that a shared
        // question is already resolved.
        for number in 1...Self.writers {
            let result = try #require(run.writers[number], "writer \(number) did not run")
            #expect(result.stderr.isEmpty, "writer \(number): \(result.stderr)")
            let log = WritersAndReaders.log(WritersAndReaders.writerLog(cli, number))
            let unexpected = log.split(separator: "\n").filter { !$0.hasPrefix("note: question ") }
            #expect(unexpected.isEmpty, "writer \(number): \(unexpected)")
        }
        print("concurrency: \(Self.writers) writers; readers ran "
              + reads.map { "\($0.split(separator: " ")[0]) \(run.readers[$0]?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?")x" }.joined(separator: ", "))
        for read in reads {
            let result = try #require(run.readers[read], "\(read) did not run")
            #expect(result.stderr.isEmpty, "\(read) failed while writers wrote: \(result.stderr)")
            #expect((Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 1, "\(read) never ran")
            let log = WritersAndReaders.log(WritersAndReaders.readerLog(cli, read))
            #expect(log.isEmpty, "\(read): \(log)")
        }

        // Nothing lost: counted per writer.
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.count == Self.sharedQuestions + Self.writers * Self.rounds)
        let forecasts = list.flatMap { ($0["forecasts"] as? [[String: Any]]) ?? [] }
        for number in 1...Self.writers {
            let own = forecasts.filter { $0["owner"] as? String == "writer \(number)" }
            // One with each question it added and one on a shared question, every round.
            #expect(own.count == 2 * Self.rounds, "writer \(number): \(own.count) forecasts")
            let claims = Set(list.compactMap { $0["claim"] as? String }.filter { $0.hasPrefix("writer \(number) claim ") })
            #expect(claims == Set((1...Self.rounds).map { "writer \(number) claim \($0)" }))
        }
        let resolutions = list.prefix(Self.sharedQuestions).flatMap { ($0["resolutions"] as? [[String: Any]]) ?? [] }
        #expect(resolutions.count == Self.writers * Self.rounds / 5)
        #expect(Set(resolutions.compactMap { $0["note"] as? String }).count == resolutions.count)
        let entries = 2 * Self.sharedQuestions + Self.writers * Self.rounds * 3 + Self.writers * Self.rounds / 5
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: \(entries) journal entries verified"), "\(verify.stdout)\(verify.stderr)")
    }
}
