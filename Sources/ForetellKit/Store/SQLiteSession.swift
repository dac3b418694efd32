import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

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
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: Self.bind(arguments))
        while let row = try cursor.next() { try body(SQLiteRow(row: row, statement: statement.sqliteStatement)) }
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
///
/// The row is the cursor's current one, read straight from the statement: its column's storage
/// class is checked first, because SQLite itself would convert 'soon' to the integer 0.
struct SQLiteRow: SQLRow {
    let row: Row
    let statement: SQLiteStatement

    func integer(_ index: Int) throws -> Int64? { try decode(index, as: [SQLITE_INTEGER]) }
    func real(_ index: Int) throws -> Double? { try decode(index, as: [SQLITE_FLOAT, SQLITE_INTEGER]) }
    func text(_ index: Int) throws -> String? { try decode(index, as: [SQLITE_TEXT]) }
    func bool(_ index: Int) throws -> Bool? { try decode(index, as: [SQLITE_INTEGER]) }
    func blob(_ index: Int) throws -> [UInt8]? { (try decode(index, as: [SQLITE_BLOB]) as Data?).map { Array($0) } }

    func columnIndex(_ name: String) -> Int? {
        row.columnNames.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }.map { row.distance(from: row.startIndex, to: $0) }
    }

    func columnName(_ index: Int) -> String {
        let names = Array(row.columnNames)
        return index >= 0 && index < names.count ? names[index] : "column \(index + 1)"
    }

    private func decode<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int, as types: [Int32]) throws -> Value? {
        guard index >= 0, index < row.count else { throw unexpected(index) }
        let type = sqlite3_column_type(statement, Int32(index))
        if type == SQLITE_NULL { return nil }
        guard types.contains(type) else { throw unexpected(index) }
        do { return try row.decode(Value.self, atIndex: index) } catch { throw unexpected(index) }
    }
}
