import Foundation
import GRDB
import Testing
@testable import ForetellKit

/// What an import (``Ledger/write(commit:bulk:_:)`` with `bulk`, foreign keys checked once before
/// commit) must do as an ordinary write does: the same rows and ids, every row checked, all or nothing.
@Suite struct BulkImportTests {
    func importCSV(_ text: String, into ledger: Ledger) throws -> ImportSummary {
        let reader = try CSVReader(path: try writeTemporaryCSV(text))
        return try ledger.write(bulk: true) { writer in
            var importer = CanonicalCSVImporter()
            return try importer.run(reader, into: &writer)
        }
    }

    // MARK: Rows that repeat their question

    @Test func everyRowOfAQuestionIsChecked() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let summary = try importCSV("""
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags
            7,Rain in May?,ana,0.2,2024-04-01,2024-05-31,yes,2024-06-01,weather;spring
            7,Rain in May?,bo,0.3,2024-04-02,2024-05-31,yes,2024-06-01,weather;spring
            7,Rain in May?,,0.4,2024-04-03,2024-05-31,yes,2024-06-01,weather;spring
            7,Rain in May?,cy,2.5,2024-04-04,2024-05-31,yes,2024-06-01,weather;spring
            7,Rain in May?,cy,0.6,not a date,2024-05-31,yes,2024-06-01,weather;spring
            7,Snow in May?,cy,0.1,2024-04-05,2024-05-31,yes,2024-06-01,weather;spring
            7,Rain in May?,dee,50%,2024-04-06,2024-05-31,no,2024-06-02,other
            7,Rain in May?,eve,1:3,2024-04-07,2024-05-31,yes,2024-06-01,weather;spring
            ,No id,fay,0.5,2024-04-08,2024,,,
            ,No id,gus,0.6,2024-04-09,2024,,,

            """, into: ledger)
        #expect(summary.rowsRead == 10)
        #expect(summary.questionsAdded == 2)
        #expect(summary.forecastsAdded == 6)
        #expect(summary.resolutionsAdded == 1)
        #expect(summary.skipped.map(\.line) == [4, 5, 6, 7])
        #expect(summary.skipped[0].reason == "the owner is empty")
        #expect(summary.skipped[1].reason.contains("'2.5'"))
        #expect(summary.skipped[2].reason.contains("'not a date'"))
        #expect(summary.skipped[3].reason == "question_id 7 has another claim or deadline on an earlier line")

        let rain = try ledger.question(id: 7)
        #expect(rain.claim == "Rain in May?")
        #expect(rain.tags == ["spring", "weather"])
        #expect(rain.deadline == Day(year: 2024, month: 5, day: 31))
        #expect(rain.forecasts.map(\.owner) == ["ana", "bo", "dee", "eve"])
        #expect(rain.forecasts.map(\.probability) == [0.2, 0.3, 0.5, 0.25])
        // The first row with an outcome resolves the question; a later row's other outcome does not.
        #expect(rain.resolutions.map(\.outcome) == [.yes])
        #expect(rain.resolutions.map(\.resolvedOn) == ["2024-06-01"])
        let noID = try #require(try ledger.questions().first { $0.claim == "No id" })
        #expect(noID.forecasts.map(\.owner) == ["fay", "gus"])
        #expect(noID.deadline == Day(year: 2024, month: 12, day: 31))
        #expect(try ledger.verify().isIntact)

        // Importing again adds nothing.
        let again = try importCSV("""
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags
            7,Rain in May?,ana,0.2,2024-04-01,2024-05-31,yes,2024-06-01,weather;spring
            7,Rain in May?,bo,0.3,2024-04-02,2024-05-31,yes,2024-06-01,weather;spring

            """, into: ledger)
        #expect(again.forecastsAdded == 0 && again.resolutionsAdded == 0 && again.alreadyPresent == 2)
    }

    // MARK: Ids and lookups inside an import

    @Test func tagsAndResolutionsOfAnImportGetTheIdsOfAnOrdinaryWrite() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let day = Moment(day: Day(year: 2024, month: 3, day: 1)!)
        let count = 1_100
        let seen = try ledger.write(bulk: true) { writer in
            var seen: [(Outcome, String)?] = []
            for index in 1...count {
                let question = try writer.record(NewQuestion(claim: "Q\(index)", deadline: nil, openedAtMilliseconds: 0,
                                                             tags: ["t\(index % 3)", "all"]))
                _ = try writer.record(NewForecast(questionID: question, owner: "o\(index % 5)", probability: 0.5, madeOn: day))
                let resolution = try writer.record(NewResolution(questionID: question, outcome: index % 2 == 0 ? .yes : .no,
                                                                 resolvedOn: day))
                #expect(resolution == Int64(index))
                // A lookup inside the transaction sees what it recorded.
                if index % 250 == 0 { seen.append(try writer.currentResolution(questionID: question).map { ($0.outcome, $0.resolvedOn) }) }
            }
            return seen
        }
        #expect(seen.count == 4)
        #expect(seen.allSatisfy { $0?.0 == .yes && $0?.1 == "2024-03-01" })

        let (resolutions, tags, lastResolution) = try ledger.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM resolutions") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM question_tags") ?? 0,
             try Row.fetchOne(db, sql: "SELECT id, question_id, outcome FROM resolutions ORDER BY id DESC LIMIT 1"))
        }
        #expect(resolutions == count)
        #expect(tags == 2 * count)
        let lastID: Int64? = lastResolution?["id"], lastQuestion: Int64? = lastResolution?["question_id"]
        let lastOutcome: String? = lastResolution?["outcome"]
        #expect(lastID == Int64(count) && lastQuestion == Int64(count) && lastOutcome == "yes")
        let question = try ledger.question(id: 1_000)
        #expect(question.tags == ["all", "t1"])
        #expect(question.resolutions.map(\.outcome) == [.yes])
        let report = try ledger.verify()
        #expect(report.isIntact)
        #expect(report.entries == 3 * count)

        // An ordinary write afterwards gets SQLite's next id.
        let next = try ledger.write { writer in
            try writer.record(NewResolution(questionID: 1, outcome: .ambiguous, resolvedOn: day))
        }
        #expect(next == Int64(count + 1))
    }

    @Test func aFailedBulkWriteLeavesNoRowBehind() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let day = Moment(day: Day(year: 2024, month: 3, day: 1)!)
        #expect(throws: LedgerError.unknownQuestion(999)) {
            try ledger.write(bulk: true) { writer in
                for index in 1...700 {
                    let question = try writer.record(NewQuestion(claim: "Q\(index)", deadline: nil, openedAtMilliseconds: 0, tags: ["x"]))
                    _ = try writer.record(NewResolution(questionID: question, outcome: .no, resolvedOn: day))
                }
                _ = try writer.record(NewResolution(questionID: 999, outcome: .no, resolvedOn: day))
            }
        }
        #expect(try ledger.questions().isEmpty)
        let rows = try ledger.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM resolutions) + (SELECT count(*) FROM question_tags) + (SELECT count(*) FROM journal)")
        }
        #expect(rows == 0)
    }

    // MARK: Questions with the ids a file gives

    /// Records questions with these ids (nil: let the ledger choose) and returns the ids given.
    func recordQuestions(_ ids: [Int64?], bulk: Bool, in ledger: Ledger) throws -> [Int64] {
        try ledger.write(bulk: bulk) { writer in
            var given: [Int64] = []
            for (index, id) in ids.enumerated() {
                given.append(try writer.record(NewQuestion(id: id, claim: "Q\(index)", deadline: nil, openedAtMilliseconds: 0)))
                // Lookups inside the transaction see what it recorded.
                #expect(try writer.questionExists(given[index]))
                #expect(try writer.questionIdentity(given[index])?.claim == "Q\(index)")
            }
            #expect(try writer.questionID(claim: "Q0", deadline: nil) == given.first)
            return given
        }
    }

    @Test func questionsOfAnImportGetTheIdsOfAnOrdinaryWrite() throws {
        // Ids the file gives, above and below the highest so far, and none: SQLite then takes the
        // highest plus one. The same questions recorded one statement at a time are the reference.
        let ids: [Int64?] = [nil, 10, nil, 5, nil, 700] + Array(repeating: nil, count: 600) + [2_000, nil]
        let reference = try Ledger.open(path: temporaryLedgerPath())
        _ = try reference.write { writer in try writer.record(NewQuestion(claim: "before", deadline: nil, openedAtMilliseconds: 0)) }
        let imported = try Ledger.open(path: temporaryLedgerPath())
        _ = try imported.write { writer in try writer.record(NewQuestion(claim: "before", deadline: nil, openedAtMilliseconds: 0)) }

        let expected = try recordQuestions(ids, bulk: false, in: reference)
        let given = try recordQuestions(ids, bulk: true, in: imported)
        #expect(expected.prefix(6) == [2, 10, 11, 5, 12, 700])
        #expect(given == expected)
        let stored = try imported.read { db in try Row.fetchAll(db, sql: "SELECT id, claim FROM questions ORDER BY id") }
        #expect(stored.count == ids.count + 1)
        for (index, id) in given.enumerated() {
            #expect(stored.contains { $0["id"] == id && $0["claim"] == "Q\(index)" })
        }
        #expect(try imported.verify().isIntact)
    }

    @Test func aGivenIdThatIsTakenFailsAtItsOwnRow() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        _ = try recordQuestions([nil, nil, nil], bulk: false, in: ledger)
        #expect(throws: LedgerError.self) {
            try ledger.write(bulk: true) { writer in
                _ = try writer.record(NewQuestion(id: 10, claim: "new", deadline: nil, openedAtMilliseconds: 0))
                _ = try writer.record(NewQuestion(id: 2, claim: "taken", deadline: nil, openedAtMilliseconds: 0))
            }
        }
        #expect(try ledger.questions().count == 3)
    }

    @Test func aRowSQLiteRefusesMidImportIsReportedAndNothingLands() throws {
        let ledger = try Ledger.open(path: temporaryLedgerPath())
        let day = Moment(day: Day(year: 2024, month: 3, day: 1)!)
        // Something the writer cannot foresee (a disk error would do the same): SQLite refuses one
        // forecast in the middle of the import.
        try ledger.dbQueue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_forecast_600 BEFORE INSERT ON forecasts WHEN (SELECT count(*) FROM forecasts) = 599
                BEGIN SELECT RAISE(ABORT, 'forecast 600 refused'); END
                """)
        }
        var error: Error?
        do {
            try ledger.write(bulk: true) { writer in
                let question = try writer.record(NewQuestion(claim: "Q", deadline: nil, openedAtMilliseconds: 0))
                for index in 1...1_100 {
                    _ = try writer.record(NewForecast(questionID: question, owner: "o\(index % 7)", probability: 0.5, madeOn: day))
                }
            }
        } catch let thrown {
            error = thrown
        }
        #expect(error as? LedgerError == .database("forecast 600 refused"))
        let rows = try ledger.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM forecasts) + (SELECT count(*) FROM journal)")
        }
        #expect(rows == 0)
    }
}
