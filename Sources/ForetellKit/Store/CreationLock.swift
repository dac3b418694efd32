import Foundation

/// An exclusive lock on the ledger's folder, held while a ledger is created or migrated.
///
/// Eight `add`s at once on a ledger that did not exist yet each saw an empty file and migrated
/// it, and the others caught it half made: "an SQLite database of another program" (tables, but
/// no migrations recorded yet), "no such table: grdb_migrations", "table owners already exists",
/// or SQLITE_BUSY straight away while the first switched the file to WAL (SQLite does not wait
/// for that lock). Whoever holds this lock creates and migrates; the others wait for it, then find
/// a finished ledger. Opening a ledger that is already migrated never takes it.
///
/// flock(2) on the folder rather than on the ledger: SQLite's own locks on the ledger are POSIX
/// locks, which a process loses when it closes any descriptor of that file; the folder needs no
/// extra lock file left behind.
final class CreationLock {
    private let descriptor: Int32

    /// Waits for the lock on `path`'s folder; nil when the folder cannot be opened (then nothing
    /// is serialised, as before).
    init?(folderOf path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    /// Closing the descriptor releases the lock.
    deinit { close(descriptor) }
}
