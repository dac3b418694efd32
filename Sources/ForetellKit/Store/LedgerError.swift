/// Problems with the ledger file or with what it holds. Unknown ids are runtime failures (exit 1).
public enum LedgerError: ReportableError, Equatable {
    case cannotCreateFolder(path: String, reason: String)
    case notALedger(path: String)
    case foreignDatabase(path: String)
    case isADirectory(path: String)
    case newerLedger(path: String, unknownMigrations: [String])
    case readOnly(path: String)
    case cannotOpen(path: String, reason: String)
    case unknownQuestion(Int64)
    /// A value foretell never writes: another type, or NULL where it always writes one.
    case unexpectedValue(column: String)
    case database(String)

    public var isUsageError: Bool { false }

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the ledger's folder \(path): \(reason); pass --db with a writable path"
        case .notALedger(let path):
            return "\(path) is not an SQLite file; it was left untouched: pass --db with a ledger path"
        case .foreignDatabase(let path):
            let kind = LedgerLocation.isServerURL(path) ? "a PostgreSQL database holding another program's tables" : "an SQLite database of another program"
            return "\(path) is \(kind), not a foretell ledger; it was left untouched"
        case .isADirectory(let path):
            return "\(path) is a folder: pass --db with a file path such as \(path)/ledger.sqlite"
        case .newerLedger(let path, let unknown):
            return "\(path) was written by a newer foretell (migrations \(unknown.joined(separator: ", "))); upgrade foretell to use it"
        case .readOnly(let path):
            return "\(path) is read-only: this command writes; check the file's permissions"
        case .cannotOpen(let path, let reason):
            return "cannot open the ledger \(path): \(reason)"
        case .unknownQuestion(let id):
            return "no question \(id) in the ledger: see 'foretell list' for ids"
        case .unexpectedValue(let column):
            return "the ledger holds a value foretell never writes (in \(column)): it was edited outside foretell; 'foretell verify' names the first changed entry"
        case .database(let message):
            return "ledger error: \(message)"
        }
    }
}
