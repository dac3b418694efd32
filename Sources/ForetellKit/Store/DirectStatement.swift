import GRDB
import GRDBSQLite

/// Runs a prepared GRDB statement through SQLite's C API, binding each value where it is.
///
/// GRDB's `execute(arguments:)` builds an array of boxed values per call, which on a large import
/// costs more than SQLite's own work; the writer's per-row INSERTs bind directly instead. Errors
/// become GRDB's `DatabaseError`, as they would through GRDB.
struct DirectStatement {
    let statement: Statement

    /// Binds through `bind`, runs the statement to completion and resets it.
    func run(_ db: Database, _ bind: (inout Binder) -> Void) throws {
        try handle.run(connection: db.sqliteConnection, bind)
    }

    /// The statement as ``InsertPipeline``'s thread runs it: without GRDB, which belongs to the
    /// writer's thread.
    var handle: Handle { Handle(statement: statement.sqliteStatement) }

    struct Handle: @unchecked Sendable {
        let statement: SQLiteStatement

        /// Binds through `bind`, runs the statement to completion and resets it; `connection` gives
        /// the message of a failure.
        func run(connection: OpaquePointer?, _ bind: (inout Binder) -> Void) throws {
            sqlite3_reset(statement)
            var binder = Binder(handle: statement)
            bind(&binder)
            let code = binder.code == SQLITE_OK ? sqlite3_step(statement) : binder.code
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else {
                let message = connection.map { String(cString: sqlite3_errmsg($0)) }
                // Read here, on failure: GRDB's `Statement.sql` trims the text each time it is asked.
                let sql = sqlite3_sql(statement).map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
        }
    }

    /// Binds through `bind`, steps once and reads the first row with `read`; nil when there is none.
    /// The writer's per-row lookups go through here, as its INSERTs go through ``run(_:_:)``.
    func first<T>(_ db: Database, _ bind: (inout Binder) -> Void, _ read: (StatementColumns) -> T) throws -> T? {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = binder.code == SQLITE_OK ? sqlite3_step(handle) : binder.code
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_ROW: return read(StatementColumns(statement: handle))
        case SQLITE_DONE: return nil
        default:
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Binds one value per parameter, numbered from 1; keeps the first failure.
    struct Binder {
        let handle: OpaquePointer
        fileprivate(set) var code = SQLITE_OK

        /// SQLite copies the bytes before the call returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        private mutating func check(_ result: Int32) {
            if code == SQLITE_OK { code = result }
        }

        mutating func bind(_ index: Int32, _ value: Int64?) {
            check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
        }

        mutating func bind(_ index: Int32, _ value: Double?) {
            check(value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
        }

        mutating func bind(_ index: Int32, _ value: String?) {
            guard var value else { check(sqlite3_bind_null(handle, index)); return }
            let handle = handle
            let result = value.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would bind as NULL.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text64(handle, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                    sqlite3_bind_text64(handle, index, text, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
                }
            }
            check(result)
        }

        /// Text that lives as long as the program: SQLite keeps the pointer instead of a copy.
        mutating func bind(_ index: Int32, static text: StaticString) {
            let handle = handle
            // A one-character literal is stored as its scalar, and its bytes only live for the call.
            let destructor = text.hasPointerRepresentation ? nil : Self.transient
            check(text.withUTF8Buffer { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text64(handle, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                    sqlite3_bind_text64(handle, index, pointer, UInt64(bytes.count), destructor, UInt8(SQLITE_UTF8))
                }
            })
        }

        /// Bytes the caller keeps alive and unchanged until the statement has run (``run(_:_:)``
        /// binds and steps in one call): SQLite reads them in place instead of copying them.
        mutating func bind(_ index: Int32, unsafeBlob bytes: UnsafeRawBufferPointer) {
            let handle = handle
            // A nil address would bind NULL rather than an empty blob.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { check(sqlite3_bind_zeroblob(handle, index, 0)); return }
            check(sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), nil))
        }

        /// UTF-8 text the caller keeps alive and unchanged until the statement has run, as for
        /// ``bind(_:unsafeBlob:)``.
        mutating func bind(_ index: Int32, unsafeText bytes: UnsafeRawBufferPointer) {
            let handle = handle
            // A nil address would bind NULL rather than empty text.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                check(sqlite3_bind_text64(handle, index, "", 0, Self.transient, UInt8(SQLITE_UTF8)))
                return
            }
            check(sqlite3_bind_text64(handle, index, base.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil,
                                      UInt8(SQLITE_UTF8)))
        }

        mutating func bind(_ index: Int32, blob bytes: [UInt8]) {
            let handle = handle
            check(bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob64(handle, index, raw.baseAddress, UInt64(raw.count), Self.transient)
            })
        }
    }
}

/// The current row of a stepping SQLite statement, column by column, read without boxing.
struct StatementColumns {
    let statement: SQLiteStatement

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    func bytes(_ column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_text(statement, column) else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))))
    }

    func textEquals(_ column: Int32, _ bytes: [UInt8]) -> Bool {
        guard let pointer = sqlite3_column_text(statement, column) else { return bytes.isEmpty }
        let count = Int(sqlite3_column_bytes(statement, column))
        return count == bytes.count && UnsafeBufferPointer(start: pointer, count: count).elementsEqual(bytes)
    }
}
