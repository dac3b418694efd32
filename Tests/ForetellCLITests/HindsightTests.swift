import Foundation
import Testing

/// Issue 15, findings 1 and 2: nobody can improve their record with hindsight, and a question
/// resolved before its forecasts were made is reported, not silently dropped.
///
/// Every expected score is worked out by hand: one owner, one question that resolved yes, Brier
/// (p - 1)^2, so 50% scores 0.25 and 99% scores 0.0001.
@Suite struct HindsightTests {
    /// alice says 50% on 2026-01-01; the question resolves yes on 2026-01-15.
    static func resolvedLedger() throws -> CLI {
        let cli = try CLI()
        for step in [
            ["add", "The bridge reopens", "--owner", "alice", "-p", "50%", "--deadline", "2026-12-31", "--made-on", "2026-01-01"],
            ["resolve", "1", "yes", "--on", "2026-01-15"],
        ] {
            let result = try cli.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return cli
    }

    static func scoreJSON(_ cli: CLI, _ extra: [String] = []) throws -> [String: Any] {
        let result = try cli.run(["score", "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try CLI.json(result.stdout) as? [String: Any])
    }

    static func overall(_ json: [String: Any]) -> (n: Int, brier: Double) {
        let overall = json["overall"] as? [String: Any]
        return (overall?["n"] as? Int ?? -1, overall?["brier"] as? Double ?? .nan)
    }

    /// The exact bytes the ledger would give back: its JSON export and its journal head.
    static func snapshot(_ cli: CLI) throws -> String {
        try cli.run(["export", "--format", "json"]).stdout + cli.run(["verify", "--format", "json"]).stdout
    }

    @Test func hindsightForecastIsRefused() throws {
        let cli = try Self.resolvedLedger()
        let before = try Self.snapshot(cli)
        let late = try cli.run(["forecast", "1", "--owner", "alice", "-p", "99%", "--made-on", "2026-01-14"])
        #expect(late.status == 1)
        #expect(late.stdout.isEmpty)
        #expect(late.stderr == "foretell: question 1 was resolved yes on 2026-01-15 before this forecast was recorded; one dated 2026-01-14, before that, would count with hindsight: nothing was recorded (pass --backfill to keep it as backfilled, left out of scores)\n")
        #expect(try Self.snapshot(cli) == before)
        let score = Self.overall(try Self.scoreJSON(cli))
        #expect(score.n == 1 && abs(score.brier - 0.25) < 1e-12, "\(score)")
        // Dated on the very day of the resolution it would count too (a bare day resolves at its end).
        #expect(try cli.run(["forecast", "1", "--owner", "bob", "-p", "0.9", "--made-on", "2026-01-15"]).status == 1)
        #expect(try Self.snapshot(cli) == before)
    }

    @Test func backfilledForecastIsShownAndLeftOutOfScores() throws {
        let cli = try Self.resolvedLedger()
        let recorded = try cli.run(["forecast", "1", "--owner", "alice", "-p", "99%", "--made-on", "2026-01-14", "--backfill"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout == "Recorded backfilled forecast 2 on question 1: alice 99%\n")
        #expect(recorded.stderr == "note: question 1 is resolved (yes on 2026-01-15): this forecast is backfilled and left out of scores unless 'foretell score --include-backfilled'\n")

        let show = try cli.run(["show", "1"])
        #expect(show.stdout.contains("[backfilled, not scored]"), "\(show.stdout)")
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        let forecasts = try #require(list.first?["forecasts"] as? [[String: Any]])
        #expect(forecasts.map { $0["backfilled"] as? Bool } == [false, true])
        let export = try #require(try CLI.json(cli.run(["export", "--format", "json"]).stdout) as? [[String: Any]])
        #expect((export.first?["forecasts"] as? [[String: Any]])?.map { $0["backfilled"] as? Bool } == [false, true])

        // Left out by default and counted under "Not counted"; scored only when asked for.
        let json = try Self.scoreJSON(cli)
        let score = Self.overall(json)
        #expect(score.n == 1 && abs(score.brier - 0.25) < 1e-12, "\(score)")
        #expect((json["excluded"] as? [String: Any])?["backfilled"] as? Int == 1)
        let table = try cli.run(["score"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(table.contains("Not counted: 1 backfilled forecast"), "\(table)")
        let included = Self.overall(try Self.scoreJSON(cli, ["--include-backfilled"]))
        #expect(included.n == 1 && abs(included.brier - 0.0001) < 1e-12, "alice's latest is then the 99%: \(included)")
        #expect(try cli.run(["verify"]).status == 0)

        // The CSV export carries the mark, so importing it elsewhere does not make the forecast count.
        let csv = try cli.run(["export"]).stdout
        #expect(csv.hasPrefix("question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote,backfilled\n"), "\(csv)")
        let copy = try CLI()
        #expect(try copy.run(["import", "--from", "csv", copy.write("export.csv", Data(csv.utf8))]).status == 0)
        let restored = Self.overall(try Self.scoreJSON(copy))
        #expect(restored.n == 1 && abs(restored.brier - 0.25) < 1e-12, "\(restored)")
        #expect(try copy.run(["export"]).stdout == csv)

        // The mark is hashed: clearing it from a database shell, triggers off, is caught (on
        // PostgreSQL in the ledger itself, last, as a file's copy cannot be taken).
        let tampered = try CLI.onPostgres ? cli : TamperTests.copy(cli)
        let clear = CLI.onPostgres
            ? try PostgresTestServer.sql("ALTER TABLE forecasts DISABLE TRIGGER USER; UPDATE forecasts SET backfilled = 0 WHERE id = 2",
                                         on: tampered.ledger)
            : try TamperTests.sqlite("DROP TRIGGER forecasts_are_append_only_update; UPDATE forecasts SET backfilled = 0 WHERE id = 2;",
                                     on: tampered.ledger)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(try tampered.run(["verify"]).stderr.hasPrefix("foretell: the ledger does not verify: journal entry 4 (forecast 2) does not match"))
    }

    /// The note printed for a forecast on a resolved question must be true.
    @Test func aForecastMadeAfterTheResolutionIsRecordedAndTheNoteIsTrue() throws {
        let cli = try Self.resolvedLedger()
        let after = try cli.run(["forecast", "1", "--owner", "bob", "-p", "0.9", "--made-on", "2026-01-20"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stderr == "note: question 1 is resolved (yes on 2026-01-15): this forecast is dated after that, so it does not count in scores\n")
        let json = try Self.scoreJSON(cli)
        #expect(Self.overall(json).n == 1)
        #expect((json["excluded"] as? [String: Any])?["made_after_resolution"] as? Int == 1)

        // --backfill on an open question marks nothing, and says so.
        #expect(try cli.run(["add", "An open question", "--owner", "alice", "-p", "0.3", "--deadline", "2030"]).status == 0)
        let open = try cli.run(["forecast", "2", "--owner", "bob", "-p", "0.4", "--made-on", "2026-01-02", "--backfill"])
        #expect(open.status == 0 && open.stdout == "Recorded forecast 4 on question 2: bob 40%\n", "\(open.stdout)\(open.stderr)")
        #expect(open.stderr == "note: no outcome of question 2 was recorded before this forecast's date, so it is not backfilled: it counts as usual\n")
    }

    /// History brought in from one export (question, forecasts and outcome together) is not
    /// hindsight; forecasts a CSV adds to a question the ledger had already resolved are.
    @Test func importedHistoryIsNotHindsightButAForecastAddedToAResolvedQuestionIs() throws {
        let history = """
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote
            1,The bridge reopens,alice,0.5,2026-01-01,2026-12-31,yes,2026-01-15,,,
            1,The bridge reopens,bob,0.8,2026-01-10,2026-12-31,yes,2026-01-15,,,

            """
        let fresh = try CLI()
        let imported = try fresh.run(["import", "--from", "csv", fresh.write("history.csv", Data(history.utf8))])
        #expect(imported.status == 0, "\(imported.stderr)")
        let score = Self.overall(try Self.scoreJSON(fresh))
        // (0.5 - 1)^2 = 0.25 and (0.8 - 1)^2 = 0.04: mean 0.145.
        #expect(score.n == 2 && abs(score.brier - 0.145) < 1e-12, "\(score)")

        let cli = try Self.resolvedLedger()
        let added = """
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote
            1,The bridge reopens,carol,0.99,2026-01-14,2026-12-31,yes,2026-01-15,,,

            """
        let late = try cli.run(["import", "--from", "csv", cli.write("late.csv", Data(added.utf8))])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout.contains("1 forecast was dated before an outcome the ledger already held, so recorded as backfilled"), "\(late.stdout)")
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect((list.first?["forecasts"] as? [[String: Any]])?.map { $0["backfilled"] as? Bool } == [false, true])
        #expect(Self.overall(try Self.scoreJSON(cli)).n == 1)
    }

    @Test func resolvingBeforeTheForecastsSaysTheyWillNotCount() throws {
        let cli = try CLI()
        for step in [
            ["add", "The strike ends", "--owner", "alice", "-p", "70%", "--deadline", "2027", "--made-on", "2026-03-10"],
            ["forecast", "1", "--owner", "bob", "-p", "20%", "--made-on", "2026-03-11"],
        ] {
            #expect(try cli.run(step).status == 0)
        }
        let resolved = try cli.run(["resolve", "1", "yes", "--on", "2026-03-01"])
        #expect(resolved.status == 0)
        #expect(resolved.stdout == "Resolved question 1: yes on 2026-03-01\n")
        #expect(resolved.stderr == "note: 2 forecasts on question 1 are dated after 2026-03-01 and will not count in scores\n")
        let resolvedJSON = try #require(try CLI.json(cli.run(["resolve", "1", "yes", "--on", "2026-03-02", "--format", "json"]).stdout) as? [String: Any])
        #expect(resolvedJSON["forecasts_after_resolution"] as? Int == 2)

        let table = try cli.run(["score"])
        let text = table.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(!text.contains("Nothing resolved to score yet"), "\(table.stdout)")
        #expect(text.contains("Nothing to score: 1 resolved question (id 1) without a forecast that counts: 2 forecasts made after resolution not counted."), "\(table.stdout)")
        #expect(text.contains("Not counted: 2 forecasts made after resolution."), "\(table.stdout)")

        let json = try Self.scoreJSON(cli)
        let excluded = try #require(json["excluded"] as? [String: Any])
        #expect(excluded["made_after_resolution"] as? Int == 2)
        #expect(excluded["resolved_without_counted_forecasts"] as? [Int] == [1])
        #expect(Self.overall(json).n == 0)

        let csv = try cli.run(["score", "--format", "csv"]).stdout.split(separator: "\n").map(String.init)
        #expect(csv.contains("excluded,made_after_resolution,,2,,,,,,,,,,,"), "\(csv)")
        #expect(csv.contains("excluded,resolved_without_counted_forecasts,,0,,1,,,,,,,,,"), "\(csv)")

        let html = try cli.run(["score", "--format", "html"]).stdout
        #expect(html.contains("2 forecasts made after resolution not counted"), "\(html)")
        #expect(html.contains("Not counted: 2 forecasts made after resolution."))
    }
}
