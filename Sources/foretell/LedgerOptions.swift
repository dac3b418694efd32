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
        try OpenLedgers.open(path: path, access: access)
    }
}

/// The ledgers this process opened. They stay allocated until the process exits: `main` closes
/// their connections and exits. Deallocating one costs a dispatch worker thread (libdispatch
/// disposes the connection's queue on one) and NotificationCenter's set-up, about a tenth of
/// `add`'s own time, for memory the exit frees anyway.
enum OpenLedgers {
    // Commands run on the main thread only.
    nonisolated(unsafe) private static var ledgers: [Ledger] = []

    static func open(path: String, access: Ledger.Access) throws -> Ledger {
        let ledger = try Ledger.open(path: path, access: access)
        ledgers.append(ledger)
        return ledger
    }

    /// Closes the connections and keeps the objects: releasing them here would deallocate them.
    /// A ledger that cannot be closed (it never happened in testing) is left to the exit: its
    /// committed transactions are in the file or its WAL either way.
    static func closeAll() {
        for ledger in ledgers { try? ledger.close() }
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
