/// The JSON export: an array of every question with its whole history, written a batch of
/// questions at a time so that a large ledger is never held in memory at once.
public enum QuestionExport {
    public static func json(_ ledger: Ledger, batchSize: Int64 = 2000, write: (String) -> Void) throws {
        let maxID = try ledger.highestQuestionID()
        write("[")
        var first = true
        var low: Int64 = 1
        while low <= maxID {
            let high = low + batchSize - 1
            for question in try ledger.questions(QuestionFilter(idRange: low...high)) {
                write((first ? "\n" : ",\n") + QuestionRendering.json(question).serialized())
                first = false
            }
            low = high + 1
        }
        write(first ? "]\n" : "\n]\n")
    }
}
