/// What ``Ledger/copy(to:)`` moved, and the journal head both ledgers verified with.
public struct LedgerCopyReport: Sendable, Equatable {
    /// Rows copied, by table, in the order they were copied.
    public var rows: [(table: String, count: Int)]
    public var source: VerificationReport
    public var target: VerificationReport

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.rows.elementsEqual(rhs.rows) { $0 == $1 } && lhs.source == rhs.source && lhs.target == rhs.target
    }
}

extension Ledger {
    /// Every table and column of the schema, parents before children, with how each column is read.
    /// A migration that adds a column adds it here, or the copy would lose it.
    static let copiedTables: [(table: String, key: String, columns: [(name: String, type: ColumnType)])] = [
        ("owners", "id", [("id", .integer), ("name", .text)]),
        ("questions", "id", [("id", .integer), ("claim", .text), ("deadline", .text), ("earliest", .text),
                             ("opened_at_ms", .integer), ("external_ref", .text), ("recorded_at", .text)]),
        ("question_tags", "question_id, tag", [("question_id", .integer), ("tag", .text)]),
        ("documents", "id", [("id", .integer), ("path", .text), ("sha256", .text), ("recorded_at", .text)]),
        ("forecasts", "id", [("id", .integer), ("question_id", .integer), ("owner_id", .integer), ("probability", .real),
                             ("probability_low", .real), ("probability_high", .real), ("basis", .text), ("made_on", .text),
                             ("made_at_ms", .integer), ("note", .text), ("external_ref", .text), ("recorded_at", .text),
                             ("backfilled", .integer)]),
        ("forecast_sources", "forecast_id, document_id", [("forecast_id", .integer), ("document_id", .integer),
                                                           ("quote", .text), ("line", .integer),
                                                           ("engine", .text), ("model", .text)]),
        ("resolutions", "id", [("id", .integer), ("question_id", .integer), ("outcome", .text), ("resolved_on", .text),
                               ("resolved_at_ms", .integer), ("note", .text), ("recorded_at", .text)]),
        ("journal", "seq", [("seq", .integer), ("kind", .text), ("entity_id", .integer), ("document_id", .integer),
                            ("hash", .blob)]),
    ]

    enum ColumnType { case integer, real, text, blob }

    /// Copies this ledger, row for row with the same ids, times and journal, into an empty ledger
    /// (a personal SQLite file onto a team's PostgreSQL database, or back), in one transaction of
    /// the target: it holds all of it or nothing. Both are verified afterwards; a copy whose
    /// journal head differs from the source's is reported as a failure.
    public func copy(to target: Ledger) throws -> LedgerCopyReport {
        let source = try verify()
        if let problem = source.firstProblem {
            throw LedgerError.database("\(path) does not verify, so it was not copied: \(problem)")
        }
        var rows: [(table: String, count: Int)] = []
        try target.write { writer in
            let into = writer.db
            for (table, _, _) in Self.copiedTables {
                if try into.exists("SELECT 1 FROM \(table) LIMIT 1") {
                    throw LedgerError.database("\(target.path) already holds a ledger (its \(table) are not empty); copy into an empty one")
                }
            }
            try snapshot { from in
                for (table, key, columns) in Self.copiedTables {
                    let names = columns.map(\.name).joined(separator: ", ")
                    let insert = "INSERT INTO \(table) (\(names)) VALUES (\(QuestionFilter.placeholders(columns.count)))"
                    var count = 0
                    try from.each("SELECT \(names) FROM \(table) ORDER BY \(key)", []) { row in
                        var values: [SQLValue] = []
                        values.reserveCapacity(columns.count)
                        for (index, column) in columns.enumerated() {
                            switch column.type {
                            case .integer: values.append((try row.checked(index) as Int64?).sqlValue)
                            case .real: values.append((try row.checked(index) as Double?).sqlValue)
                            case .text: values.append((try row.checked(index) as String?).sqlValue)
                            case .blob: values.append((try row.checked(index) as [UInt8]?).sqlValue)
                            }
                        }
                        try into.execute(insert, values)
                        count += 1
                    }
                    rows.append((table, count))
                }
            }
        }
        let copied = try target.verify()
        if copied.head != source.head || copied.firstProblem != nil {
            throw LedgerError.database("the copy in \(target.path) does not verify as the original: \(copied.firstProblem ?? "its head is \(copied.head ?? "empty"), the original's \(source.head ?? "empty")")")
        }
        return LedgerCopyReport(rows: rows, source: source, target: copied)
    }
}
