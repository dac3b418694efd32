import Foundation
import GRDB

/// The forecast ledger: one SQLite file, or a PostgreSQL database for a team
/// (``LedgerLocation/isServerURL(_:)``), migrated on open, written in serialised transactions.
///
/// On SQLite, WAL mode and a busy timeout let several foretell processes write at once; on
/// PostgreSQL an advisory lock does the same for many machines. Every write goes through
/// ``write(_:)``, whose ``LedgerWriter`` appends each event to the journal's hash chain in the
/// same transaction; the same SQL runs on both (``SQLSession``).
public final class Ledger: Sendable {
    public enum Access: Sendable {
        /// Commands that write. The file and its folder are created on first use.
        case readWrite
        /// Commands that only read: a read-only file is opened read-only instead of refused.
        case read
    }

    /// The file, or the server's URL without its password.
    public let path: String
    public let isReadOnly: Bool
    let backend: Backend

    enum Backend: Sendable {
        case sqlite(DatabaseQueue)
        case postgres(PostgresConnection)
    }

    /// The SQLite connection, for tests that look at the file's tables directly.
    var dbQueue: DatabaseQueue {
        get throws {
            guard case .sqlite(let queue) = backend else { throw LedgerError.database("\(path) is not an SQLite ledger") }
            return queue
        }
    }

    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Opens the ledger at `path`: a file, or a `postgres://` URL.
    public static func open(path: String, access: Access = .readWrite) throws -> Ledger {
        if LedgerLocation.isServerURL(path) {
            let connection = try PostgresConnection(url: path)
            let ledger = Ledger(path: connection.displayName, backend: .postgres(connection), isReadOnly: false)
            try PostgresMigrations.migrate(connection, ledger: ledger.path)
            return ledger
        }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        var header = LedgerHeader.absent
        if exists {
            if isDirectory.boolValue { throw LedgerError.isADirectory(path: path) }
            header = try checkHeader(path: path)
        } else if let target = try? fileManager.destinationOfSymbolicLink(atPath: path) {
            // A link to nothing: SQLite would create the target, but not the folders it needs.
            let resolved = target.hasPrefix("/") ? target : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
            let folder = (resolved as NSString).deletingLastPathComponent
            if !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
                throw LedgerError.cannotOpen(path: path, reason: "it is a symbolic link to \(target), in a folder that does not exist")
            }
        } else {
            try createFolder(of: path)
        }
        // A new ledger is made under the folder's lock; whoever waited finds it made.
        var creationLock: CreationLock?
        if access == .readWrite && (header == .absent || header == .empty) {
            creationLock = CreationLock(folderOf: path)
            if fileManager.fileExists(atPath: path) { header = try checkHeader(path: path) }
        }
        let readOnly = exists && access == .read && !fileManager.isWritableFile(atPath: path)
        if exists && access == .readWrite && !fileManager.isWritableFile(atPath: path) {
            throw LedgerError.readOnly(path: path)
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        // WAL is switched on in migrate(), once the file is known to be a ledger: switching it
        // rewrites the header, and another program's database must be left as it was.
        configuration.label = "foretell"

        let dbQueue: DatabaseQueue
        do {
            dbQueue = try DatabaseQueue(path: readOnly ? readOnlyLocation(of: path) : path, configuration: configuration)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        let ledger = Ledger(path: path, backend: .sqlite(dbQueue), isReadOnly: readOnly)
        try ledger.migrate(dbQueue, header: header, creationLock: creationLock)
        return ledger
    }

    private init(path: String, backend: Backend, isReadOnly: Bool) {
        self.path = path
        self.backend = backend
        self.isReadOnly = isReadOnly
    }

    /// Applies the embedded migrations, refusing a database of another program or of a newer foretell.
    ///
    /// An everyday open reads the applied migrations with one statement outside a transaction
    /// (one row set cannot be torn), and leaves the journal mode alone when the header already
    /// says WAL: `add` is mostly start-up, and each statement GRDB wraps a read in (query_only,
    /// BEGIN, COMMIT) counted.
    ///
    /// Migrating takes the folder's ``CreationLock`` (unless the caller holds it already) and reads
    /// the applied migrations again under it: another foretell may have just done it.
    private func migrate(_ dbQueue: DatabaseQueue, header: LedgerHeader, creationLock: CreationLock?) throws {
        let migrator = Migrations.migrator
        let known = Set(Migrations.all.map(\.name))
        var lock = creationLock
        defer { withExtendedLifetime(lock) {} }
        do {
            var applied: Set<String>
            do {
                applied = try dbQueue.inDatabase { db in try migrator.appliedIdentifiers(db) }
            } catch {
                // GRDB reads grdb_migrations and, when that fails, asks whether the table exists:
                // two statements outside a transaction, between which another foretell can create
                // it, and then the first failure ("no such table") is thrown. Read again below, on
                // one snapshot or under the creation lock.
                applied = []
            }
            if lock == nil && !isReadOnly && !applied.isSuperset(of: known) {
                lock = CreationLock(folderOf: path)
                applied = try dbQueue.inDatabase { db in try migrator.appliedIdentifiers(db) }
            }
            var hasForeignTables = false
            if applied.isEmpty {
                // A new file or another program's database, decided on one snapshot: another
                // foretell may be creating this ledger at this moment.
                (applied, hasForeignTables) = try dbQueue.read { db in
                    let applied = try migrator.appliedIdentifiers(db)
                    let foreign = try applied.isEmpty && Int.fetchOne(db, sql: """
                        SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
                        """) ?? 0 > 0
                    return (applied, foreign)
                }
            }
            if hasForeignTables { throw LedgerError.foreignDatabase(path: path) }
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                throw LedgerError.newerLedger(path: path, unknownMigrations: unknown.sorted())
            }
            if !isReadOnly { try useWriteAheadLog(dbQueue, alreadyOn: header == .writeAheadLog) }
            if applied.count < Migrations.all.count {
                if isReadOnly { throw LedgerError.readOnly(path: path) }
                try migrator.migrate(dbQueue)
            }
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
    }

    /// WAL lets readers read while a writer writes, and several processes write one after another.
    /// FULL synchronisation: each commit is on disk before foretell says it is recorded, so not
    /// even a power cut right after `add` loses the forecast (NORMAL could lose the last commits;
    /// it would save one fsync per command, about 0.3 ms here).
    ///
    /// A new ledger gets 16 KiB pages, which must be chosen before WAL mode (an existing file keeps
    /// its own): the indexes an import inserts into split a quarter as often as with 4 KiB pages,
    /// and scans read fewer pages. A PredictionBook import ran 10% faster, score 4%.
    /// WAL mode is kept in the file, so a ledger whose header says so needs only the
    /// per-connection setting.
    private func useWriteAheadLog(_ dbQueue: DatabaseQueue, alreadyOn: Bool) throws {
        try dbQueue.writeWithoutTransaction { db in
            if !alreadyOn {
                try db.execute(sql: "PRAGMA page_size = 16384")
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw LedgerError.cannotOpen(path: path, reason: "SQLite cannot use a write-ahead log for it")
                }
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
    }

    /// Runs `body` in one immediate transaction: everything it records lands, or nothing does.
    /// With `commit: false` (a dry run) everything is done and then rolled back.
    ///
    /// `bulk` is for imports: SQLite then checks the foreign keys of the rows the transaction added
    /// in one pass before it commits, instead of one lookup per parent per row as each is inserted.
    /// A row that references nothing still fails the whole transaction, so the ledger holds the
    /// same rows either way.
    ///
    /// On PostgreSQL the transaction first takes the ledger's advisory write lock
    /// (``PostgresConnection/writeLockKey``); `bulk` changes nothing there, the server checks each row.
    public func write<T>(commit: Bool = true, bulk: Bool = false, _ body: (inout LedgerWriter) throws -> T) throws -> T {
        if isReadOnly { throw LedgerError.readOnly(path: path) }
        let dbQueue: DatabaseQueue
        switch backend {
        case .sqlite(let queue): dbQueue = queue
        case .postgres(let connection):
            return try connection.transaction(writing: true) { session in
                var writer = try LedgerWriter(db: session)
                return (try body(&writer), commit)
            }
        }
        do {
            return try dbQueue.writeWithoutTransaction { db in
                // The pragma is ignored inside a transaction, so it is switched around one.
                if bulk { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if bulk { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                // A large import adds entries all over the claim and deadline indexes: with SQLite's
                // default 2 MB of cache their pages went out to the log and were read back again and
                // again. 32 MB cut a 1M-forecast import from about 6 s to 5 s on a busy machine.
                let cacheSize = bulk ? try Int.fetchOne(db, sql: "PRAGMA cache_size") : nil
                if bulk { try db.execute(sql: "PRAGMA cache_size = -32768") }
                defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    var writer = try LedgerWriter(db: SQLiteSession(db: db), checksReferencesAtEnd: bulk)
                    result = try body(&writer)
                    try writer.checkReferences()
                    return commit ? .commit : .rollback
                }
                guard let result else { throw LedgerError.database("the transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
    }

    /// Runs `body` on a consistent snapshot of the ledger, through the SQL both backends share.
    func snapshot<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let dbQueue):
            do {
                return try dbQueue.read { db in try body(SQLiteSession(db: db)) }
            } catch let error as DatabaseError {
                throw Ledger.translate(error, path: path)
            }
        case .postgres(let connection):
            return try connection.transaction(writing: false) { session in (try body(session), true) }
        }
    }

    /// Runs `body` on a consistent snapshot of an SQLite ledger's file, through GRDB (for tests
    /// that read the tables without foretell's queries); a PostgreSQL ledger is an error.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try dbQueue.read(body)
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
    }

    /// Closes the connection: as the last one, SQLite copies the WAL into the file and removes
    /// the -wal and -shm files. Reading or writing afterwards fails.
    public func close() throws {
        guard case .sqlite(let dbQueue) = backend else { return }
        do {
            try dbQueue.close()
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
    }

    /// SQLite reads a WAL ledger through its -shm file, which it cannot create in a folder it
    /// cannot write (a read-only mount, another person's folder): every read would fail as
    /// "read-only". Without -wal and -shm files no connection is writing, and the file holds every
    /// committed event, so it is opened as immutable instead (an SQLite URI).
    private static func readOnlyLocation(of path: String) -> String {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        guard !fileManager.isWritableFile(atPath: folder.isEmpty ? "." : folder),
              !fileManager.fileExists(atPath: path + "-wal"), !fileManager.fileExists(atPath: path + "-shm"),
              let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else { return path }
        return "file:\(escaped)?immutable=1"
    }

    /// With open(2) and read(2): Foundation's FileHandle cost `add` more than this whole check.
    private static func checkHeader(path: String) throws -> LedgerHeader {
        guard let header = readStart(of: path, count: 20) else {
            throw LedgerError.cannotOpen(path: path, reason: "it cannot be read")
        }
        if header.isEmpty { return .empty }
        if header.count < sqliteMagic.count || Array(header[..<sqliteMagic.count]) != sqliteMagic {
            throw LedgerError.notALedger(path: path)
        }
        // Bytes 18 and 19 are the file format's write and read versions: 2 means WAL.
        return header.count == 20 && header[18] == 2 && header[19] == 2 ? .writeAheadLog : .rollbackJournal
    }

    private static func createFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var current = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw LedgerError.cannotCreateFolder(path: current, reason: String(cString: strerror(errno)))
            }
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw LedgerError.cannotCreateFolder(path: folder, reason: "a file of that name is in the way")
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> LedgerError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notALedger(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: "SQLite cannot open it (check the folder's permissions)")
        case .SQLITE_BUSY: return .database("the ledger stayed locked by another process for 60 s; try again")
        case .SQLITE_FULL: return .database("the disk is full; nothing was written")
        case .SQLITE_CORRUPT: return .database("the ledger file is damaged (\(error.message ?? "corrupt")); restore it from a backup")
        default: return .database(error.message ?? "\(error)")
        }
    }
}

/// What the first bytes of an existing file said, before SQLite opens it.
enum LedgerHeader {
    /// No file yet.
    case absent
    /// A file of zero bytes: SQLite makes it a new database.
    case empty
    case rollbackJournal
    case writeAheadLog
}

/// Up to `count` bytes from the start of a file (fewer if it is shorter, none if it cannot be read
/// though it opens), or nil when it cannot be opened. Out of ``Ledger``, whose `open` and `read`
/// would hide the system's.
private func readStart(of path: String, count: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
        let got = bytes.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled)
        }
        if got < 0 && errno == EINTR { continue }
        if got <= 0 { break }
        filled += got
    }
    return Array(bytes[..<filled])
}
