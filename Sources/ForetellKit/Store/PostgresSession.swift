import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq, for a team ledger.
///
/// Every statement is prepared once per connection and run with its arguments as text; results
/// come back as text, which PostgreSQL writes exactly (`extra_float_digits` makes a double's text
/// the shortest that reads back as the same double, as Swift's does). A foretell process makes
/// one connection and uses it from one thread at a time; the lock makes that a rule.
final class PostgresConnection: @unchecked Sendable {
    /// The server address as a person may see it: the URL without its password.
    let displayName: String
    private let connection: OpaquePointer
    private let lock = NSLock()
    /// Prepared statements by their SQL: the name given to PostgreSQL and how many `$n` it takes.
    private var prepared: [String: String] = [:]

    init(url: String) throws {
        displayName = PostgresConnection.withoutPassword(url)
        guard let connection = PQconnectdb(url) else {
            throw LedgerError.cannotOpen(path: displayName, reason: "libpq could not allocate a connection")
        }
        if PQstatus(connection) != CONNECTION_OK {
            // libpq quotes a URL it cannot parse, password and all.
            let reason = PostgresConnection.oneLine(String(cString: PQerrorMessage(connection)))
                .replacingOccurrences(of: url, with: displayName)
            PQfinish(connection)
            throw LedgerError.cannotOpen(path: displayName, reason: reason)
        }
        self.connection = connection
        // Notices ("relation already exists, skipping") are for a DBA, not for foretell's output.
        try simpleQuery("SET client_min_messages = warning; SET extra_float_digits = 1; SET client_encoding = 'UTF8'")
    }

    deinit { PQfinish(connection) }

    /// The key of the advisory lock every write transaction takes first: "foretell" in ASCII.
    /// Holding it serialises writers on one ledger, so the journal's head read at the start of a
    /// transaction is still its head at commit, and new ids (highest plus one) are unique.
    static let writeLockKey: Int64 = 7_381_244_094_353_599_596

    /// Runs `body` in one transaction: a write transaction first takes the ledger's write lock and
    /// commits when `body` returns true; a read transaction sees one snapshot (REPEATABLE READ).
    func transaction<T>(writing: Bool, _ body: (PostgresSession) throws -> (result: T, commit: Bool)) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try simpleQuery(writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let session = PostgresSession(connection: self)
            if writing { try session.execute("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))") }
            let (result, commit) = try body(session)
            try simpleQuery(commit ? "COMMIT" : "ROLLBACK")
            return result
        } catch {
            if PQstatus(connection) == CONNECTION_OK { try? simpleQuery("ROLLBACK") }
            throw error
        }
    }

    /// Runs SQL without arguments, several statements at once (a migration).
    func simpleQuery(_ sql: String) throws {
        guard let result = PQexec(connection, sql) else { throw failure(nil) }
        defer { PQclear(result) }
        try check(result)
    }

    /// Runs one statement with its `?` arguments; the caller clears the result.
    fileprivate func run(_ sql: String, _ arguments: [SQLValue]) throws -> OpaquePointer {
        let name: String
        if let known = prepared[sql] {
            name = known
        } else {
            name = "foretell_\(prepared.count + 1)"
            guard let result = PQprepare(connection, name, Self.numberedPlaceholders(sql), 0, nil) else { throw failure(nil) }
            defer { PQclear(result) }
            try check(result)
            prepared[sql] = name
        }
        let texts: [String?] = try arguments.map(Self.text(of:))
        let cStrings: [UnsafeMutablePointer<CChar>?] = texts.map { $0.map { strdup($0) } ?? nil }
        defer { for pointer in cStrings { free(pointer) } }
        let result = cStrings.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { values in
            PQexecPrepared(connection, name, Int32(arguments.count), values.baseAddress, nil, nil, 0)
        }
        guard let result else { throw failure(nil) }
        do { try check(result) } catch { PQclear(result); throw error }
        return result
    }

    private func check(_ result: OpaquePointer) throws {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default: throw failure(result)
        }
    }

    private func failure(_ result: OpaquePointer?) -> LedgerError {
        if PQstatus(connection) != CONNECTION_OK {
            return .database("lost the connection to \(displayName): \(Self.oneLine(String(cString: PQerrorMessage(connection))))")
        }
        guard let result, let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))) else {
            return .database(Self.oneLine(String(cString: PQerrorMessage(connection))))
        }
        return .database(Self.oneLine(String(cString: primary)))
    }

    /// A value as PostgreSQL's text input reads it. PostgreSQL's text cannot hold a NUL, and a C
    /// string would silently end at one: such a text is refused, not cut short.
    private static func text(of value: SQLValue) throws -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .real(let number): return "\(number)"
        case .text(let text):
            if text.utf8.contains(0) {
                throw LedgerError.database("PostgreSQL cannot store a NUL character; remove it from the text")
            }
            return text
        case .blob(let bytes): return "\\x" + bytes.hexString
        }
    }

    /// `?` to `$1`, `$2`, ... outside quoted text and identifiers.
    static func numberedPlaceholders(_ sql: String) -> String {
        var out = ""
        var count = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                count += 1
                out += "$\(count)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// `postgres://user:secret@host/db` shown as `postgres://user@host/db`, even when the rest of
    /// the URL is malformed (the password is then whatever lies between the first ':' after the
    /// scheme and the last '@'); a `password=` parameter is shown as `password=***`.
    static func withoutPassword(_ url: String) -> String {
        var shown = url
        if var components = URLComponents(string: url) {
            if components.password != nil {
                components.password = nil
                shown = components.string ?? url
            }
        } else if let scheme = url.range(of: "://"), let at = url.range(of: "@", options: .backwards),
                  scheme.upperBound <= at.lowerBound,
                  let colon = url[scheme.upperBound..<at.lowerBound].firstIndex(of: ":") {
            shown = String(url[..<colon] + url[at.lowerBound...])
        }
        return shown.replacingOccurrences(of: "([?&]password=)[^&]*", with: "$1***", options: .regularExpression)
    }
}

/// The store's SQL on a PostgreSQL ledger, inside one of ``PostgresConnection``'s transactions.
struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let result = try connection.run(sql, arguments)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    func insert(_ sql: String, _ arguments: [SQLValue]) throws -> Int64? {
        var id: Int64?
        try each(sql + " RETURNING id", arguments) { row in id = try row.checked(0) }
        return id
    }

    func each(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRow) throws -> Void) throws {
        let result = try connection.run(sql, arguments)
        defer { PQclear(result) }
        let rows = PQntuples(result)
        var row: Int32 = 0
        while row < rows {
            try body(PostgresRow(result: result, row: row))
            row += 1
        }
    }
}

/// One row of a text-format result; types are checked against the column's type.
struct PostgresRow: SQLRow {
    let result: OpaquePointer
    let row: Int32

    // Type OIDs from PostgreSQL's pg_type catalogue.
    private static let boolean: UInt32 = 16, bytea: UInt32 = 17, int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23
    private static let textTypes: Set<UInt32> = [25, 1043, 1042, 19]
    private static let floatTypes: Set<UInt32> = [700, 701, 1700]

    private func raw(_ index: Int) throws -> (type: UInt32, value: UnsafeMutablePointer<CChar>)? {
        guard index >= 0, index < Int(PQnfields(result)) else { throw unexpected(index) }
        let column = Int32(index)
        if PQgetisnull(result, row, column) == 1 { return nil }
        guard let value = PQgetvalue(result, row, column) else { throw unexpected(index) }
        return (PQftype(result, column), value)
    }

    private func isInteger(_ type: UInt32) -> Bool { type == Self.int8 || type == Self.int4 || type == Self.int2 }

    func integer(_ index: Int) throws -> Int64? {
        guard let (type, value) = try raw(index) else { return nil }
        if type == Self.boolean { return value.pointee == CChar(UInt8(ascii: "t")) ? 1 : 0 }
        guard isInteger(type), let number = Int64(String(cString: value)) else { throw unexpected(index) }
        return number
    }

    func real(_ index: Int) throws -> Double? {
        guard let (type, value) = try raw(index) else { return nil }
        guard Self.floatTypes.contains(type) || isInteger(type) else { throw unexpected(index) }
        var end: UnsafeMutablePointer<CChar>?
        let number = strtod(value, &end)
        guard let end, end.pointee == 0, end != value else { throw unexpected(index) }
        return number
    }

    func text(_ index: Int) throws -> String? {
        guard let (type, value) = try raw(index) else { return nil }
        guard Self.textTypes.contains(type) else { throw unexpected(index) }
        return String(cString: value)
    }

    func bool(_ index: Int) throws -> Bool? {
        guard let (type, value) = try raw(index) else { return nil }
        if type == Self.boolean { return value.pointee == CChar(UInt8(ascii: "t")) }
        guard isInteger(type), let number = Int64(String(cString: value)) else { throw unexpected(index) }
        return number != 0
    }

    /// bytea's text output: `\x` and two hex digits a byte.
    func blob(_ index: Int) throws -> [UInt8]? {
        guard let (type, value) = try raw(index) else { return nil }
        let text = Array(String(cString: value).utf8)
        guard type == Self.bytea, text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"),
              text.count % 2 == 0 else { throw unexpected(index) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2 - 1)
        var position = 2
        while position < text.count {
            guard let high = Self.hexDigit(text[position]), let low = Self.hexDigit(text[position + 1]) else { throw unexpected(index) }
            bytes.append(high << 4 | low)
            position += 2
        }
        return bytes
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    func columnIndex(_ name: String) -> Int? {
        let index = Int(PQfnumber(result, "\"\(name)\""))
        return index >= 0 ? index : nil
    }

    func columnName(_ index: Int) -> String {
        guard index >= 0, index < Int(PQnfields(result)), let name = PQfname(result, Int32(index)) else { return "column \(index + 1)" }
        return String(cString: name)
    }
}
