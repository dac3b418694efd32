import Foundation

/// Writer and reader processes on one ledger at the same time, as shell loops over the real
/// binary: what the concurrency tests of both backends need.
///
/// Each writer runs `writerScript` with `WRITER` (1, 2, ...) and `LOG` (its own file) set, besides
/// `FORETELL` and `LEDGER`. Each reader runs one command (`READ`, e.g. `score --format json`)
/// over and over until every writer has ended, at least once, and prints how many times it ran;
/// a non-zero exit is reported on its stderr and the command's own stderr goes to its log.
struct WritersAndReaders {
    /// Each writer's result by number, each reader's by its command; nil for one that did not run.
    var writers: [Int: CLI.Result] = [:]
    var readers: [String: CLI.Result] = [:]

    static let readerScript = """
        runs=0
        while [ ! -e "$DONE" ] || [ $runs -lt 1 ]; do
          "$FORETELL" --db "$LEDGER" $READ >/dev/null 2>>"$LOG" || echo "exit $? from $READ" >&2
          runs=$((runs + 1))
        done
        echo $runs
        """

    static func writerLog(_ cli: CLI, _ number: Int) -> String {
        cli.folder.appendingPathComponent("writer-\(number).log").path
    }

    static func readerLog(_ cli: CLI, _ read: String) -> String {
        cli.folder.appendingPathComponent("reader-" + read.map { $0.isLetter ? $0 : "-" } + ".log").path
    }

    /// What a process wrote to its log, or "" when it wrote nothing.
    static func log(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Runs `writers` writers and one reader per command in `reads`; returns when all have ended.
    /// A process still running after `timeout` seconds is killed.
    static func run(_ cli: CLI, writers: Int, writerScript: String, reads: [String], timeout: TimeInterval) -> WritersAndReaders {
        let done = cli.folder.appendingPathComponent("writers-done").path
        let environment = ["FORETELL": CLI.binary, "LEDGER": cli.ledger, "DONE": done, "PATH": "/usr/bin:/bin",
                           "SWIFT_BACKTRACE": "enable=no"]
        let lock = NSLock()
        nonisolated(unsafe) var outcome = WritersAndReaders()
        let readersDone = DispatchGroup()
        for read in reads {
            readersDone.enter()
            DispatchQueue.global().async {
                let result = try? CLI.execute(["/bin/sh", "-c", readerScript],
                                              environment: environment.merging(["READ": read, "LOG": readerLog(cli, read)]) { $1 },
                                              timeout: timeout)
                lock.withLock { outcome.readers[read] = result }
                readersDone.leave()
            }
        }
        let writersDone = DispatchGroup()
        for number in 1...writers {
            writersDone.enter()
            DispatchQueue.global().async {
                let result = try? CLI.execute(["/bin/sh", "-c", writerScript],
                                              environment: environment.merging(["WRITER": "\(number)", "LOG": writerLog(cli, number)]) { $1 },
                                              timeout: timeout)
                lock.withLock { outcome.writers[number] = result }
                writersDone.leave()
            }
        }
        writersDone.wait()
        _ = FileManager.default.createFile(atPath: done, contents: nil)
        readersDone.wait()
        return lock.withLock { outcome }
    }
}
