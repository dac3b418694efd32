import ForetellKit

/// Warnings for input that is valid but probably not what was meant. They go to stderr and do not
/// change the exit status: the entry is recorded as typed.
enum InputWarnings {
    /// A forecast dated after now: the ledger's point is to record forecasts before the outcome.
    static func madeOnInFuture(_ madeOn: Moment, now: Moment = .now()) -> String? {
        let future = madeOn.hasTime ? madeOn.milliseconds > now.milliseconds : Day.today() < madeOn.day
        return future ? "warning: --made-on \(madeOn.text) is in the future\n" : nil
    }

    /// A deadline that had passed when the forecast was made.
    static func deadlineBeforeMadeOn(deadline: Day, madeOn: Moment) -> String? {
        deadline < madeOn.day ? "warning: the deadline \(deadline) is before the forecast's date \(madeOn.day)\n" : nil
    }

    /// A resolution dated after now.
    static func resolvedInFuture(_ resolvedOn: Moment, now: Moment = .now()) -> String? {
        let future = resolvedOn.hasTime ? resolvedOn.milliseconds > now.milliseconds : Day.today() < resolvedOn.day
        return future ? "warning: the resolution date \(resolvedOn.text) is in the future\n" : nil
    }

    /// A new owner spelled like an existing one but for case: scores would count them as two people.
    static func ownerCaseNote(_ owner: String, lookalikes: [String]) -> String? {
        guard !lookalikes.isEmpty else { return nil }
        let names = lookalikes.map { "'\($0)'" }.joined(separator: ", ")
        return "note: new owner '\(owner)' differs only in case from \(names); scores count them as different people\n"
    }
}

/// `add` of a question the ledger already holds: same claim, same deadline.
struct DuplicateQuestion: ReportableError {
    var questionID: Int64
    var owner: String
    var probability: String
    var isUsageError: Bool { false }
    var description: String {
        "question \(questionID) already asks this with the same deadline; add a forecast to it: "
            + "foretell forecast \(questionID) --owner \(owner) -p \(probability)"
    }
}
