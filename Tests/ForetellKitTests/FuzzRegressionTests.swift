import Foundation
import Testing
@testable import ForetellKit

/// Replays the fuzzer's seed corpus and every input it ever crashed on through the same entry
/// points as `fuzz/run` (FuzzTargets), so a fixed crash stays fixed.
@Suite struct FuzzRegressionTests {
    static let folders = ["Tests/ForetellKitTests/FuzzRegressions", "fuzz/corpus"]

    static func inputs(in folder: String) throws -> [URL] {
        let url = SharedData.packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: folders)
    func everyInputKeepsEveryProperty(folder: String) throws {
        let inputs = try Self.inputs(in: folder)
        #expect(!inputs.isEmpty, "\(folder) is empty")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-replay-\(UUID().uuidString).csv").path
        for input in inputs {
            let problems = FuzzTargets.run(Array(try Data(contentsOf: input)), scratch: scratch)
            #expect(problems.isEmpty, "\(folder)/\(input.lastPathComponent): \(problems)")
        }
    }
}
