import Dispatch
import GRDB
import GRDBSQLite

/// Runs a bulk write's batched INSERTs on a second thread, in the order they were given, while the
/// importer reads, checks and hashes the rows that follow: in a 1M-forecast import SQLite's work
/// and ours take about as long as each other, so on two cores the import takes about half as long.
///
/// The connection is never used by two threads at once: the writer waits for the pipeline to be
/// idle (``waitUntilIdle()``) before it touches the connection itself, and it gives the pipeline
/// only statements and rows, never GRDB's `Database` (GRDB's own hooks run at commit and rollback,
/// which stay on the writer's thread). The first failure stops the pipeline: what
/// is given after it is dropped, and the writer throws it, since it happened first.
final class InsertPipeline: @unchecked Sendable {
    /// The INSERTs waiting or running, at most ``depth``: enough to keep the thread busy while the
    /// importer fills the next batch, few enough that the rows waiting take little memory.
    private static let depth = 4
    private let queue = DispatchQueue(label: "foretell.insert-pipeline")
    private let slots = DispatchSemaphore(value: InsertPipeline.depth)
    /// Set on `queue` only, read on it (inside `sync`) by the writer.
    private var failure: Error?
    /// Written and read by the writer's thread only: whether work was given since it last waited,
    /// and the failure it then found.
    private var busy = false
    private var failureSeen: Error?

    /// A connection, given to the thread only while the writer leaves it alone.
    struct Connection: @unchecked Sendable {
        let handle: OpaquePointer
    }

    private let connection: Connection

    init(connection: OpaquePointer) {
        self.connection = Connection(handle: connection)
    }

    /// Runs `work` on the pipeline's thread after everything given before it.
    func run(_ work: @escaping @Sendable (Connection) throws -> Void) {
        slots.wait()
        busy = true
        let connection = connection
        queue.async {
            defer { self.slots.signal() }
            guard self.failure == nil else { return }
            do {
                try work(connection)
            } catch {
                self.failure = error
            }
        }
    }

    /// Waits until everything given has run; returns the first failure, if any.
    @discardableResult
    func waitUntilIdle() -> Error? {
        guard busy else { return failureSeen }
        failureSeen = queue.sync { self.failure }
        busy = false
        return failureSeen
    }

    /// Waits until everything given has run, and throws the first failure.
    func finish() throws {
        if let failure = waitUntilIdle() { throw failure }
    }
}
