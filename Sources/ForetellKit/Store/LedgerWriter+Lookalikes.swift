/// Look-ups `add` and `forecast` use to warn about a likely slip before writing: an owner spelled
/// like an existing one but for case, a question that is already in the ledger.
extension LedgerWriter {
    /// Existing owners whose name equals `name` but for ASCII case; empty when `name` itself exists
    /// (then it is not new) or when none is alike.
    public func ownersDifferingOnlyInCase(from name: String) throws -> [String] {
        let names: [String] = try db.all("SELECT name FROM owners WHERE lower(name) = lower(?)", sqlArguments(name)) {
            try $0.checked(0)
        }
        return names.contains(name) ? [] : names.sorted()
    }

    /// Questions with exactly this claim and deadline, oldest first.
    public func questionIDs(claim: String, deadline: Day) throws -> [Int64] {
        try db.all("SELECT id FROM questions WHERE claim = ? AND deadline = ? ORDER BY id",
                   sqlArguments(claim, deadline.description)) { try $0.checked(0) }
    }
}
