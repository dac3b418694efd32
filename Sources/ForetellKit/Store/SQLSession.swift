import Foundation

/// One connection inside one transaction, as the store's SQL sees it: the same statements run on
/// SQLite (through GRDB, ``SQLiteSession``) and on PostgreSQL (through libpq, ``PostgresSession``).
///
/// Statements use `?` placeholders and the SQL both servers accept; the few spellings that differ
/// come from ``SQLDialect``. Rows are read through ``SQLRow/checked(_:)``, which throws instead of
/// trapping on a value foretell never writes.
protocol SQLSession {
    var dialect: SQLDialect { get }
    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs an INSERT into a table whose key is `id`; returns the new row's id, or nil when the
    /// statement inserted nothing (`ON CONFLICT DO NOTHING`).
    func insert(_ sql: String, _ arguments: [SQLValue]) throws -> Int64?
    /// Hands `body` each row of a query, in order.
    func each(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRow) throws -> Void) throws
}

extension SQLSession {
    @discardableResult
    func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    /// The first column of the first row, or nil when there is no row or it holds NULL.
    func value<Value: SQLColumnValue>(_ sql: String, _ arguments: [SQLValue] = []) throws -> Value? {
        var result: Value?
        var seen = false
        try each(sql, arguments) { row in
            if seen { return }
            seen = true
            result = try row.checked(0)
        }
        return result
    }

    /// Whether the query returns a row.
    func exists(_ sql: String, _ arguments: [SQLValue] = []) throws -> Bool {
        var found = false
        try each(sql, arguments) { _ in found = true }
        return found
    }

    func all<T>(_ sql: String, _ arguments: [SQLValue] = [], _ transform: (any SQLRow) throws -> T) throws -> [T] {
        var results: [T] = []
        try each(sql, arguments) { results.append(try transform($0)) }
        return results
    }

    func first<T>(_ sql: String, _ arguments: [SQLValue] = [], _ transform: (any SQLRow) throws -> T) throws -> T? {
        var result: T?
        try each(sql, arguments) { row in if result == nil { result = try transform(row) } }
        return result
    }
}

/// The spellings that differ between SQLite and PostgreSQL.
enum SQLDialect: Sendable {
    case sqlite, postgres

    /// Null-safe equality: `IS` in SQLite, `IS NOT DISTINCT FROM` in PostgreSQL.
    var isSame: String { self == .sqlite ? "IS" : "IS NOT DISTINCT FROM" }

    /// The id a new row of `table` gets. SQLite gives an INTEGER PRIMARY KEY the next rowid (its
    /// highest plus one) for NULL; PostgreSQL is told the same, so that ids on both have no gaps
    /// (a sequence would skip the ids of every rolled-back transaction). Safe because every write
    /// transaction holds the ledger's one write lock (``PostgresSession/writeLockKey``).
    func newID(_ table: String, key: String = "id") -> String {
        self == .sqlite ? "NULL" : "(SELECT coalesce(max(\(key)), 0) + 1 FROM \(table))"
    }

    /// A text column's values joined with `;`, in the column's order.
    func joined(_ column: String) -> String {
        // SQLite keeps the order of the rows it is given (the inner query sorts them).
        self == .sqlite ? "group_concat(\(column), ';')" : "string_agg(\(column), ';' ORDER BY \(column))"
    }

    /// SQLite's index hint where its planner needs one; PostgreSQL keeps statistics and needs none.
    func indexedBy(_ index: String) -> String { self == .sqlite ? "INDEXED BY \(index)" : "" }
}

/// A value bound to a statement's `?`.
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// What can be bound to a `?`: `[1, "x", nil]` as an argument list.
protocol SQLArgument { var sqlValue: SQLValue { get } }
extension Int64: SQLArgument { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLArgument { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Double: SQLArgument { var sqlValue: SQLValue { .real(self) } }
extension String: SQLArgument { var sqlValue: SQLValue { .text(self) } }
extension Array: SQLArgument where Element == UInt8 { var sqlValue: SQLValue { .blob(self) } }
extension Optional: SQLArgument where Wrapped: SQLArgument { var sqlValue: SQLValue { self?.sqlValue ?? .null } }

func sqlArguments(_ values: any SQLArgument...) -> [SQLValue] { values.map(\.sqlValue) }
func sqlArguments(_ values: [any SQLArgument]) -> [SQLValue] { values.map(\.sqlValue) }

/// One row of a result. Each accessor returns nil for NULL and throws
/// ``LedgerError/unexpectedValue(column:)`` for a value of another type.
protocol SQLRow {
    func integer(_ index: Int) throws -> Int64?
    func real(_ index: Int) throws -> Double?
    func text(_ index: Int) throws -> String?
    func blob(_ index: Int) throws -> [UInt8]?
    /// A truth value: PostgreSQL's boolean, or SQLite's 0 and 1.
    func bool(_ index: Int) throws -> Bool?
    func columnIndex(_ name: String) -> Int?
    func columnName(_ index: Int) -> String
}

extension SQLRow {
    /// The value in a column foretell always fills.
    func checked<Value: SQLColumnValue>(_ index: Int) throws -> Value {
        guard let value = try Value.read(self, index) else { throw unexpected(index) }
        return value
    }

    /// The value in a column that may hold NULL.
    func checked<Value: SQLColumnValue>(_ index: Int) throws -> Value? {
        try Value.read(self, index)
    }

    func checked<Value: SQLColumnValue>(_ column: String) throws -> Value {
        guard let index = columnIndex(column) else { throw LedgerError.unexpectedValue(column: column) }
        return try checked(index)
    }

    func checked<Value: SQLColumnValue>(_ column: String) throws -> Value? {
        guard let index = columnIndex(column) else { throw LedgerError.unexpectedValue(column: column) }
        return try checked(index)
    }

    func unexpected(_ index: Int) -> LedgerError { .unexpectedValue(column: columnName(index)) }
}

/// The types a column is read as.
protocol SQLColumnValue {
    static func read(_ row: some SQLRow, _ index: Int) throws -> Self?
}
extension Int64: SQLColumnValue { static func read(_ row: some SQLRow, _ index: Int) throws -> Int64? { try row.integer(index) } }
extension Int: SQLColumnValue {
    static func read(_ row: some SQLRow, _ index: Int) throws -> Int? {
        guard let value = try row.integer(index) else { return nil }
        guard let narrowed = Int(exactly: value) else { throw row.unexpected(index) }
        return narrowed
    }
}
extension Double: SQLColumnValue { static func read(_ row: some SQLRow, _ index: Int) throws -> Double? { try row.real(index) } }
extension String: SQLColumnValue { static func read(_ row: some SQLRow, _ index: Int) throws -> String? { try row.text(index) } }
extension Bool: SQLColumnValue { static func read(_ row: some SQLRow, _ index: Int) throws -> Bool? { try row.bool(index) } }
extension Array: SQLColumnValue where Element == UInt8 {
    static func read(_ row: some SQLRow, _ index: Int) throws -> [UInt8]? { try row.blob(index) }
}
