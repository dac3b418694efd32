import ArgumentParser
import ForetellKit
import Foundation

extension Foretell {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Copy a whole ledger into an empty one: a personal file onto a team's PostgreSQL server.",
            discussion: """
                Every question, forecast, resolution, source and journal entry is copied with
                its ids and times, in one transaction of the target (all of it or nothing).
                Both ledgers are verified afterwards and must end in the same journal head.
                The source is only read. Either side may be a file or a postgres:// URL.

                Examples:
                  foretell migrate --from ~/.local/share/foretell/ledger.sqlite \\
                      --to postgres://me@db.example.org:5432/forecasts
                  foretell migrate --from postgres://me@db/forecasts --to backup.sqlite
                """)

        @Option(name: .long, help: ArgumentHelp("The ledger to copy.", valueName: "path-or-url"))
        var from: String

        @Option(name: .long, help: ArgumentHelp("An empty or new ledger to copy it into.", valueName: "path-or-url"))
        var to: String

        @Option(name: .long, help: "table or json.")
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "migrate")
            let sourcePath = LedgerLocation.resolve(explicit: from)
            // Opening a missing file would create an empty ledger, and copy nothing.
            if !LedgerLocation.isServerURL(sourcePath) && !FileManager.default.fileExists(atPath: sourcePath) {
                throw LedgerError.cannotOpen(path: sourcePath, reason: "there is no such file")
            }
            let source = try Ledger.open(path: sourcePath, access: .read)
            let target = try Ledger.open(path: LedgerLocation.resolve(explicit: to))
            let report = try source.copy(to: target)
            try target.close()
            try source.close()
            switch format {
            case .json:
                Output.out(JSONValue.object([
                    ("from", .string(source.path)), ("to", .string(target.path)),
                    ("rows", .object(report.rows.map { ($0.table, .int(Int64($0.count))) })),
                    ("entries", .int(Int64(report.target.entries))), ("head", .optional(report.target.head)),
                ]).serialized() + "\n")
            default:
                let counts = report.rows.filter { ["questions", "forecasts", "resolutions"].contains($0.table) }
                    .map { "\($0.count) \($0.table)" }.joined(separator: ", ")
                Output.out("Copied \(counts) from \(source.path) to \(target.path).\n")
                Output.out("ok: \(report.target.entries) journal entries verified on both; head \(report.target.head ?? "(empty ledger)")\n")
            }
        }
    }
}
