/// The JSON export: an array of every question with its whole history, written a batch of
/// questions at a time so that a large ledger is never held in memory at once.
public enum QuestionExport {
    public static func json(_ ledger: Ledger, batchSize: Int64 = 2000, write: (String) -> Void) throws {
        try ledger.snapshot { db in try json(db, batchSize: batchSize, write: write) }
    }

    /// The same from a connection, as inside a write transaction (``JSONBackupImporter`` compares
    /// a backup with the ledger it would restore into).
    static func json(_ db: any SQLSession, batchSize: Int64 = 2000, write: (String) -> Void) throws {
        write("[")
        var first = true
        // Batches by the ids that are there, not by ranges of numbers: a ledger whose ids reach
        // 9223372036854775807 (a CSV may give any id) has no empty ranges to walk through.
        var after = Int64.min
        while let low: Int64 = try db.value("SELECT min(id) FROM questions WHERE id > ?", sqlArguments(after)),
              let high: Int64 = try db.value("""
                  SELECT max(id) FROM (SELECT id FROM questions WHERE id >= ? ORDER BY id LIMIT ?) batch
                  """, sqlArguments(low, batchSize)) {
            for question in try Ledger.questions(QuestionFilter(idRange: low...high), db: db) {
                write((first ? "\n" : ",\n") + QuestionRendering.json(question).serialized())
                first = false
            }
            guard high < Int64.max else { break }
            after = high
        }
        write(first ? "]\n" : "\n]\n")
    }
}
