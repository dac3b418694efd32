import Foundation
import Testing

/// Issue 17, items 10 and 11, end to end on the built binary: slips are caught with a suggestion or
/// a warning, and exit codes say what happened so that scripts and cron can act on them.
@Suite struct ForgivingCommandLineTests {
    static let header = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"

    @Test func aMistypedOptionOrCommandGetsTheNearestName() throws {
        let cli = try CLI()
        let option = try cli.run(["list", "--onwer", "me"])
        #expect(option.status == 64)
        // ArgumentParser's own suggestion, once.
        #expect(option.stderr == "foretell: Unknown option '--onwer'. Did you mean '--owner'?\n  see 'foretell list --help'\n", "\(option.stderr)")
        let command = try cli.run(["lsit"])
        #expect(command.status == 64)
        #expect(command.stderr == "foretell: Unexpected argument 'lsit'\n  did you mean list?\n  see 'foretell --help'\n", "\(command.stderr)")
        #expect(try cli.run(["sore"]).stderr.contains("did you mean score?"))
        // A required option mistyped is reported as missing: the typo is named.
        let add = try cli.run(["add", "A claim", "--owner", "me", "-p", "20%", "--dedline", "2027"])
        #expect(add.status == 64, "\(add.stderr)")
        #expect(add.stderr == "foretell: Missing expected argument '--deadline <deadline>'\n  '--dedline' is not an option: did you mean --deadline?\n  see 'foretell add --help'\n", "\(add.stderr)")
        // Nothing close: no guess.
        let far = try cli.run(["zzzzzz"])
        #expect(far.status == 64 && !far.stderr.contains("did you mean"), "\(far.stderr)")
    }

    @Test func aBareOneIsAmbiguousLikeSeventy() throws {
        let cli = try CLI()
        for spelling in [["-p", "1"], ["--probability=1"]] {
            let refused = try cli.run(["add", "A claim", "--owner", "me", "--deadline", "2027"] + spelling)
            #expect(refused.status == 64 && refused.stderr.contains("probability '1' is ambiguous"), "\(refused.stderr)")
        }
        #expect(try cli.run(["add", "A claim", "--owner", "me", "-p", "1.0", "--deadline", "2027"]).status == 0)
        let forecast = try cli.run(["forecast", "1", "--owner", "me", "-p", "1"])
        #expect(forecast.status == 64 && forecast.stderr.contains("ambiguous"))
    }

    @Test func unlikelyDatesAreRecordedWithAWarning() throws {
        let cli = try CLI()
        let backwards = try cli.run(["add", "Backwards", "--owner", "me", "-p", "20%", "--deadline", "2020-01-01", "--made-on", "2021-03-04"])
        #expect(backwards.status == 0 && backwards.stdout.hasPrefix("Added question 1"))
        #expect(backwards.stderr == "warning: the deadline 2020-01-01 is before the forecast's date 2021-03-04\n")
        let future = try cli.run(["add", "Later", "--owner", "me", "-p", "20%", "--deadline", "2200", "--made-on", "2199-01-01"])
        #expect(future.status == 0 && future.stderr == "warning: --made-on 2199-01-01 is in the future\n", "\(future.stderr)")
        let forecast = try cli.run(["forecast", "2", "--owner", "me", "-p", "30%", "--made-on", "2199-02-01T10:00:00Z"])
        #expect(forecast.status == 0 && forecast.stderr == "warning: --made-on 2199-02-01T10:00:00Z is in the future\n", "\(forecast.stderr)")
        let resolve = try cli.run(["resolve", "1", "no", "--on", "2199-01-01"])
        #expect(resolve.status == 0 && resolve.stderr == "warning: the resolution date 2199-01-01 is in the future\n", "\(resolve.stderr)")
        // Today and the past say nothing.
        let plain = try cli.run(["add", "Plain", "--owner", "me", "-p", "20%", "--deadline", "2200"])
        #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
    }

    @Test func anOwnerSpelledLikeAnotherButForCaseGetsANote() throws {
        let cli = try CLI()
        try cli.run(["add", "First", "--owner", "Ana", "-p", "20%", "--deadline", "2200"])
        let second = try cli.run(["add", "Second", "--owner", "ana", "-p", "20%", "--deadline", "2200"])
        #expect(second.status == 0)
        #expect(second.stderr == "note: new owner 'ana' differs only in case from 'Ana'; scores count them as different people\n", "\(second.stderr)")
        let again = try cli.run(["forecast", "1", "--owner", "ANA", "-p", "30%"])
        #expect(again.status == 0 && again.stderr.contains("'ANA' differs only in case from 'Ana', 'ana'"), "\(again.stderr)")
        // The same spelling again is not new: no note.
        #expect(try cli.run(["forecast", "2", "--owner", "ana", "-p", "30%"]).stderr.isEmpty)
    }

    @Test func addingAQuestionTwicePointsAtForecast() throws {
        let cli = try CLI()
        try cli.run(["add", "Rain tomorrow", "--owner", "me", "-p", "20%", "--deadline", "2200-01-02"])
        let before = try cli.state()
        let twice = try cli.run(["add", "Rain tomorrow", "--owner", "Ana", "-p", "30%", "--deadline", "2200-01-02"])
        #expect(twice.status == 1)
        #expect(twice.stderr == "foretell: question 1 already asks this with the same deadline; add a forecast to it: foretell forecast 1 --owner Ana -p 30%\n", "\(twice.stderr)")
        #expect(try cli.state() == before)
        // Another deadline is another question.
        #expect(try cli.run(["add", "Rain tomorrow", "--owner", "Ana", "-p", "30%", "--deadline", "2200-01-03"]).status == 0)
    }

    @Test func importsWhoseRowsWereSkippedFailAsAScriptNeeds() throws {
        let cli = try CLI()
        let bad = try cli.write("bad.csv", Data((Self.header + ",A claim,Ana,seventy,2026-01-10,2030,,,,,\n").utf8))
        let mixed = try cli.write("mixed.csv", Data((Self.header + ",A claim,Ana,0.7,2026-01-10,2030,,,,,\n"
            + ",Another claim,Bo,seventy,2026-01-10,2030,,,,,\n").utf8))
        let before = try cli.state()

        let allSkipped = try cli.run(["import", "--from", "csv", bad])
        #expect(allSkipped.status == 1)
        #expect(allSkipped.stdout.hasPrefix("\(bad): 1 row; added 0 questions, 0 forecasts, 0 owners, 0 resolutions; 0 already in the ledger; 1 skipped\n"), "\(allSkipped.stdout)")
        #expect(allSkipped.stderr.hasPrefix("foretell: every row of \(bad) was skipped (1 row) (first: line 2: "), "\(allSkipped.stderr)")

        let strict = try cli.run(["import", "--strict", "--from", "csv", mixed])
        #expect(strict.status == 1 && strict.stdout.isEmpty)
        #expect(strict.stderr.hasPrefix("foretell: import --strict: 1 row of \(mixed) skipped (first: line 3: "), "\(strict.stderr)")
        #expect(strict.stderr.hasSuffix("; nothing was written\n"))
        #expect(try cli.state() == before)

        let lenient = try cli.run(["import", "--from", "csv", mixed])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout.hasPrefix("\(mixed): 2 rows; added 1 question, 1 forecast, 1 owner, 0 resolutions; 0 already in the ledger; 1 skipped\n"), "\(lenient.stdout)")
    }

    @Test func pipedListKeepsWholeClaimsAndNamesTheOtherOwners() throws {
        let cli = try CLI()
        let claim = "A claim long enough to be cut on an eighty-column terminal, which scripts that grep the list must still find whole"
        try cli.run(["add", claim, "--owner", "me", "-p", "20%", "--deadline", "2200", "--made-on", "2026-01-01"])
        try cli.run(["forecast", "1", "--owner", "Ana", "-p", "30%", "--made-on", "2026-01-02"])
        let list = try cli.run(["list"], environment: ["COLUMNS": "80"])
        #expect(list.stdout == "ID  DEADLINE    STATUS  LATEST               CLAIM\n 1  2200-12-31  open    30% Ana and 1 other  \(claim)\n", "\(list.stdout)")
    }
}
