import ArgumentParser
import ForetellKit

/// The exit codes foretell chooses itself, besides 0 (success), 1 (runtime failure) and 64 (usage).
enum ExitStatus {
    /// `list --due --exit-code` found something due (or any `list --exit-code` matched something).
    /// Not 1: a cron job must tell "there is work for you" from "foretell failed".
    static let somethingDue = ExitCode(3)
}

/// An import that wrote nothing because its rows were skipped: all of them, or (with `--strict`)
/// any one. A runtime failure (exit 1): the file's content was refused, not the command line.
struct ImportRefused: ReportableError {
    var source: String
    var skipped: [ImportSummary.Skipped]
    var strict: Bool

    var isUsageError: Bool { false }

    var description: String {
        let count = skipped.count == 1 ? "1 row" : "\(skipped.count) rows"
        let first = skipped.first.map { skip in " (first: \(skip.file.map { $0 + " " } ?? "")line \(skip.line): \(skip.reason))" } ?? ""
        if strict {
            return "import --strict: \(count) of \(source) skipped\(first); nothing was written"
        }
        return "every row of \(source) was skipped (\(count))\(first); nothing was imported"
    }
}
