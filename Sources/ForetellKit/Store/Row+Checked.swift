import GRDB

/// Reading a column without trapping on what only an edit outside foretell can leave behind.
///
/// GRDB's subscripts trap when a value cannot become the type asked for: a BLOB where foretell
/// writes text, text in an integer column (`UPDATE questions SET opened_at_ms = 'soon'` in the
/// sqlite3 shell), or NULL where foretell always writes a value. These throw
/// ``LedgerError/unexpectedValue(column:)`` instead, which `verify` reports as a changed entry and
/// every other command as a one-line error.
extension Row {
    func checked<Value: DatabaseValueConvertible>(_ index: Int) throws -> Value {
        do { return try decode(Value.self, atIndex: index) } catch { throw unexpected(index) }
    }

    /// The faster path for numbers and text read from a statement; SQLite converts between them.
    func checked<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int) throws -> Value {
        do { return try decode(Value.self, atIndex: index) } catch { throw unexpected(index) }
    }

    func checked<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        do { return try decode(Value.self, forColumn: column) } catch { throw LedgerError.unexpectedValue(column: column) }
    }

    func checked<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) throws -> Value {
        do { return try decode(Value.self, forColumn: column) } catch { throw LedgerError.unexpectedValue(column: column) }
    }

    private func unexpected(_ index: Int) -> LedgerError {
        let names = Array(columnNames)
        return .unexpectedValue(column: index < names.count ? names[index] : "column \(index + 1)")
    }
}
