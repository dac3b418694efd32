import ArgumentParser
import ForetellKit

/// The ledger every command works on. Accepted before or after the command name.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The ledger file.",
        discussion: "Default: $FORETELL_DB, else $XDG_DATA_HOME/foretell/ledger.sqlite (~/.local/share/foretell/ledger.sqlite).",
        valueName: "path"))
    var db: String?

    var path: String { LedgerLocation.resolve(explicit: db) }

    func open(_ access: Ledger.Access) throws -> Ledger {
        try Ledger.open(path: path, access: access)
    }
}

/// Output formats; each command lists the ones it offers.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv, html, ics
}

extension OutputFormat {
    /// Refuses a format this command does not offer, as a usage error.
    func require(_ allowed: [OutputFormat], command: String) throws -> OutputFormat {
        guard allowed.contains(self) else {
            throw InputError.invalidValue(field: "format for \(command)", value: rawValue,
                                          expected: allowed.map(\.rawValue).joined(separator: ", "))
        }
        return self
    }
}
