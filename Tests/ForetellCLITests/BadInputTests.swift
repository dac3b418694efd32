import Foundation
import Testing

/// Each bad input: a one-line message on stderr, the right exit code, and the ledger as it was.
@Suite struct BadInputTests {
    static let cases: [(arguments: [String], status: Int32, mentions: String)] = [
        (["add", "c", "--owner", "me", "-p", "1.5", "--deadline", "2030"], 64, "outside 0 to 1"),
        (["add", "c", "--owner", "me", "-p", "-0.1", "--deadline", "2030"], 64, "-0.1"),
        (["add", "c", "--owner", "me", "-p", "abc", "--deadline", "2030"], 64, "not a probability"),
        (["add", "c", "--owner", "me", "-p", "NaN", "--deadline", "2030"], 64, "not a probability"),
        (["add", "c", "--owner", "me", "-p", "20", "--deadline", "2030"], 64, "20%"),
        (["add", "c", "--owner", "me", "-p", "99999999999999999999%", "--deadline", "2030"], 64, "outside 0 to 1"),
        (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2026-13-45"], 64, "not a date"),
        (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "someday"], 64, "not a date"),
        (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030", "--made-on", "yesterday"], 64, "ISO 8601"),
        (["add", "", "--owner", "me", "-p", "0.2", "--deadline", "2030"], 64, "claim is empty"),
        (["add", "   ", "--owner", "me", "-p", "0.2", "--deadline", "2030"], 64, "claim is empty"),
        (["add", "c", "--owner", " ", "-p", "0.2", "--deadline", "2030"], 64, "owner is empty"),
        (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030", "--tag", "a;b"], 64, "';'"),
        (["add", "c", "--owner", "me", "-p", "0.2", "--deadline", "2030", "--earliest", "2031"], 64, "earliest"),
        (["forecast", "99", "--owner", "me", "-p", "0.2"], 1, "no question 99"),
        (["resolve", "99", "yes"], 1, "no question 99"),
        (["show", "99"], 1, "no question 99"),
        (["resolve", "1", "maybe"], 64, "yes, no, ambiguous or annulled"),
        (["list", "--format", "yaml"], 64, "yaml"),
        (["list", "--format", "html"], 64, "table, json"),
        (["list", "--open", "--due"], 64, "one of"),
        (["add", "c", "--owner", "me", "-p", "0.2"], 64, "deadline"),
        (["verify", "--expect", "xyz"], 64, "hex"),
    ]

    @Test func eachBadInputIsRefusedAndChangesNothing() throws {
        let cli = try CLI()
        try cli.run(["add", "An existing question", "--owner", "me", "-p", "0.3", "--deadline", "2030", "--made-on", "2026-01-01"])
        let before = try cli.state()
        for bad in Self.cases {
            let result = try cli.run(bad.arguments)
            #expect(result.status == bad.status, "\(bad.arguments): exit \(result.status), \(result.stderr)")
            #expect(result.stderr.contains(bad.mentions), "\(bad.arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(bad.arguments) printed to stdout")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"))
            if bad.status == 1 || bad.arguments.first == "add" {
                // Our own messages are a single line.
                #expect(result.stderr.split(separator: "\n").count <= 3, "\(bad.arguments): \(result.stderr)")
            }
        }
        #expect(try cli.state() == before)
    }

    /// A server URL that cannot be used: one line, exit 1, and its password never printed,
    /// even where libpq quotes the whole URL back.
    @Test(arguments: ["postgres://ana:sekret-pw@[::1/forecasts", "postgres://ana:sekret-pw@127.0.0.1:1/forecasts",
                      "postgres://127.0.0.1:1/forecasts?password=sekret-pw"])
    func aServerURLsPasswordIsNeverPrinted(url: String) throws {
        let result = try CLI().run(["--db", url, "list"], ledgerFlag: false)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("foretell: cannot open the ledger postgres://") && result.stderr.split(separator: "\n").count == 1,
                "\(result.stderr)")
        #expect(!result.stderr.contains("sekret") && !result.stdout.contains("sekret"), "\(result.stderr)")
    }

    @Test func aLedgerInAFolderThatCannotBeCreated() throws {
        let cli = try CLI()
        let blocker = cli.folder.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let result = try CLI.execute([CLI.binary, "--db", blocker + "/sub/ledger.sqlite", "list"], environment: [:])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("foretell: cannot create the ledger's folder"), "\(result.stderr)")
    }
}
