import ArgumentParser
import ForetellKit

extension Foretell {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that no recorded event was changed, removed or slipped in afterwards.",
            discussion: """
                Every forecast, resolution, question and source is chained by SHA-256 to the
                one before it. verify recomputes the chain from the ledger's rows and names the
                first entry that does not match (exit 1). Publish the head hash printed by
                --anchor (a post, a commit); later, --expect HASH proves that nothing recorded
                before it has changed.

                Examples:
                  foretell verify
                  foretell verify --anchor
                  foretell verify --expect 3f2a9c0b1d7e
                """)

        @OptionGroup var ledger: LedgerOptions

        @Flag(name: .long, help: "Print only the head hash, to publish.")
        var anchor = false

        @Option(name: .long, help: "A head hash published earlier (12 or more hex digits) that the chain must pass through.")
        var expect: String?

        @Option(name: .long, help: "table or json.")
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "verify")
            if let expect, expect.count < 12 || !expect.allSatisfy(\.isHexDigit) {
                throw InputError.invalidValue(field: "anchor", value: expect, expected: "12 to 64 hex digits printed by 'foretell verify --anchor'")
            }
            let report = try ledger.open(.read).verify(anchor: expect)
            switch format {
            case .json:
                Output.out(JSONValue.object([
                    ("intact", .bool(report.isIntact)), ("entries", .int(Int64(report.entries))),
                    ("head", .optional(report.head)), ("problem", .optional(report.firstProblem)),
                ]).serialized() + "\n")
            default:
                if anchor && report.isIntact {
                    Output.out((report.head ?? String(repeating: "0", count: 64)) + "\n")
                } else if report.isIntact {
                    Output.out("ok: \(report.entries) journal entries verified; head \(report.head ?? "(empty ledger)")\n")
                }
            }
            if let problem = report.firstProblem {
                Output.problem("the ledger does not verify: \(problem)")
                throw ExitCode(1)
            }
        }
    }
}
