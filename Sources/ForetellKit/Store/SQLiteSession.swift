import Foundation
import GRDB

/// The store's SQL on an SQLite ledger: GRDB's connection, statements prepared once per
/// connection (`cachedStatement`).
struct SQLiteSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.bind(arguments))
        return db.changesCount
    }

    func insert(_ sql: String, _ arguments: [SQLValue]) throws -> Int64? {
        try db.cachedStatement(sql: sql).execute(arguments: Self.bind(arguments))
        return db.changesCount == 0 ? nil : db.lastInsertedRowID
    }

    func each(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.bind(arguments))
        while let row = try cursor.next() { try body(SQLiteRow(row: row)) }
    }

    static func bind(_ arguments: [SQLValue]) -> StatementArguments {
        StatementArguments(arguments.map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .integer(let number): return number.databaseValue
            case .real(let number): return number.databaseValue
            case .text(let text): return text.databaseValue
            case .blob(let bytes): return Data(bytes).databaseValue
            }
        })
    }
}

/// GRDB's subscripts trap when a value cannot become the type asked for: a BLOB where foretell
/// writes text, text in an integer column (`UPDATE questions SET opened_at_ms = 'soon'` in the
/// sqlite3 shell), or NULL where foretell always writes a value. These throw
/// ``LedgerError/unexpectedValue(column:)`` instead, which `verify` reports as a changed entry and
/// every other command as a one-line error.
struct SQLiteRow: SQLRow {
    let row: Row

    func integer(_ index: Int) throws -> Int64? { try decode(index) }
    func real(_ index: Int) throws -> Double? { try decode(index) }
    func text(_ index: Int) throws -> String? { try decode(index) }
    func bool(_ index: Int) throws -> Bool? { try decode(index) }
    func blob(_ index: Int) throws -> [UInt8]? { (try decode(index) as Data?).map { Array($0) } }

    func columnIndex(_ name: String) -> Int? {
        row.columnNames.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }.map { row.distance(from: row.startIndex, to: $0) }
    }

    func columnName(_ index: Int) -> String {
        let names = Array(row.columnNames)
        return index >= 0 && index < names.count ? names[index] : "column \(index + 1)"
    }

    /// The fast path for numbers and text read from a statement; SQLite converts between them.
    private func decode<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int) throws -> Value? {
        guard index >= 0, index < row.count else { throw unexpected(index) }
        if row.hasNull(atIndex: index) { return nil }
        do { return try row.decode(Value.self, atIndex: index) } catch { throw unexpected(index) }
    }

    private func decode(_ index: Int) throws -> Data? {
        guard index >= 0, index < row.count else { throw unexpected(index) }
        if row.hasNull(atIndex: index) { return nil }
        do { return try row.decode(Data.self, atIndex: index) } catch { throw unexpected(index) }
    }
}
