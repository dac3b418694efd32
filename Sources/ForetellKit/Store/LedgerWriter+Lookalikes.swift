import GRDB

/// Look-ups `add` and `forecast` use to warn about a likely slip before writing: an owner spelled
/// like an existing one but for case, a question that is already in the ledger.
extension LedgerWriter {
    /// Existing owners whose name equals `name` but for ASCII case; empty when `name` itself exists
    /// (then it is not new) or when none is alike.
    public func ownersDifferingOnlyInCase(from name: String) throws -> [String] {
        let names = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM owners WHERE lower(name) = lower(?)"),
                                        arguments: [name])
        return names.contains(name) ? [] : names.sorted()
    }

    /// Questions with exactly this claim and deadline, oldest first.
    public func questionIDs(claim: String, deadline: Day) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM questions WHERE claim = ? AND deadline = ? ORDER BY id"),
                           arguments: [claim, deadline.description])
    }
}
