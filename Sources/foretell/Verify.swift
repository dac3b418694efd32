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
                entries that do not match, every one (exit 1), and any append-only trigger
                that was removed. Publish the head hash printed by --anchor (a post, a
                commit); later, --expect HASH (all 64 hex digits, or at least the first 32)
                proves that the chain still has that entry, so nothing recorded before it
                has changed.

                Examples:
                  foretell verify
                  foretell verify --anchor
                  foretell verify --expect "$(cat published-head.txt)"
                """)

        @OptionGroup var ledger: LedgerOptions

        @Flag(name: .long, help: "Print only the head hash, to publish.")
        var anchor = false

        @Option(name: .long, help: "A head hash published earlier (64 hex digits, or at least the first 32) that the chain must pass through.")
        var expect: String?

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "verify")
            if let expect, !(minimumAnchorHexDigits...64).contains(expect.count) || !expect.allSatisfy(\.isHexDigit) {
                throw InputError.invalidValue(
                    field: "anchor", value: expect,
                    expected: "the hash printed by 'foretell verify --anchor': 64 hex digits, or at least the first \(minimumAnchorHexDigits)")
            }
            let report = try ledger.open(.read).verify(anchor: expect)
            switch format {
            case .json:
                Output.out(JSONValue.object([
                    ("intact", .bool(report.isIntact)), ("entries", .int(Int64(report.entries))),
                    ("head", .optional(report.head)), ("problem", .optional(report.firstProblem)),
                    ("problems", .array(report.problems.map { .string($0) })),
                    ("anchor_entry", .optional(report.anchorEntry)),
                ]).serialized() + "\n")
            default:
                if anchor && report.isIntact {
                    Output.out((report.head ?? String(repeating: "0", count: 64)) + "\n")
                } else if report.isIntact {
                    var line = "ok: \(report.entries) journal entries verified; head \(report.head ?? "(empty ledger)")"
                    if let entry = report.anchorEntry { line += "; the expected anchor is entry \(entry)" }
                    Output.out(line + "\n")
                }
            }
            if let problem = report.firstProblem {
                Output.problem("the ledger does not verify: \(problem)")
                let more = report.problems.dropFirst()
                for other in more { Output.err("  and: \(TerminalText.safe(other))\n") }
                if !more.isEmpty { Output.err("  (\(report.problems.count) problems in all)\n") }
                throw ExitCode(1)
            }
        }
    }
}
