import Foundation
import Testing
@testable import ForetellKit

/// Runs the project's scorer (`../shared/tools/eval-extraction`) on what the extractor finds in
/// `seeds/` and in the held-out set (`HeldOut/`, documents of other kinds and authors, labelled
/// before the extractor ran on them: docs/held-out-evaluation.md). Nothing here knows the answers:
/// the gold files and the scorer are the independent judges. Skipped where `../shared` or python3
/// is missing.
@Suite("Seed and held-out evaluation")
struct ExtractionSeedsEvaluationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let scorer = shared.appendingPathComponent("tools/eval-extraction")
    static var available: Bool {
        FileManager.default.fileExists(atPath: scorer.path) && FileManager.default.fileExists(atPath: "/usr/bin/python3")
    }

    /// Issue 14 asks for 16/16 with precision at least 0.9. The gold counts the same forecast
    /// restated in a second write-up of the panel as an extra row (precision 0.947 of 19 since
    /// before the issue), which 0.95 refused.
    @Test("Seeds: all 16 core forecasts fully correct, precision at least 0.9", .enabled(if: available))
    func seeds() throws {
        let report = try score(folder: Self.packageRoot.appendingPathComponent("seeds"),
                               gold: Self.shared.appendingPathComponent("gold/seeds.jsonl"),
                               minimumFullyCorrect: 16, minimumPrecision: 0.9)
        #expect(report.passed, "\(report.output)")
    }

    /// Thresholds just under what the rules reach (69 of 73 fully correct, precision 1.0 when this
    /// was written): a rule change that loses forecasts on text it was not written for fails here.
    @Test("Held-out set: at least 68 of 73 core forecasts fully correct, precision at least 0.97", .enabled(if: available))
    func heldOut() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HeldOut")
        let report = try score(folder: folder, gold: folder.appendingPathComponent("gold.jsonl"),
                               minimumFullyCorrect: 68, minimumPrecision: 0.97)
        #expect(report.passed, "\(report.output)")
    }

    private func score(folder: URL, gold: URL, minimumFullyCorrect: Int, minimumPrecision: Double) throws
        -> (passed: Bool, output: String) {
        let listing = try DocumentReader.list([folder.path])
        var lines = ""
        for file in listing.files {
            let result = Extractor.extract(source: file, text: try DocumentReader.read(file))
            for forecast in result.forecasts { lines += ExtractionRendering.jsonObject(forecast) + "\n" }
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("foretell-eval-\(UUID().uuidString).jsonl")
        try lines.write(to: output, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: output) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            Self.scorer.path, gold.path, output.path,
            "--min-fully-correct", String(minimumFullyCorrect), "--min-precision", String(minimumPrecision),
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, report)
    }
}
