import Foundation

/// `Fixtures/llm/fake_openai_server.py` on 127.0.0.1: an OpenAI-compatible server replaying
/// recorded answers, the request's model naming the scenario. Stopped by `stop()` (and by itself
/// after two idle minutes should a test die first).
final class FakeModelServer {
    let port: Int
    let log: URL
    private let process: Process

    init() throws {
        let folder = Fixtures.folder.appendingPathComponent("llm")
        log = FileManager.default.temporaryDirectory.appendingPathComponent("llm-fake-\(UUID().uuidString).log")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", folder.appendingPathComponent("fake_openai_server.py").path,
                             folder.appendingPathComponent("answers").path, log.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "fake server said \(text)"])
        }
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)/v1" }

    /// Each request's model and response_format type, in order.
    var requests: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map {
            $0.split(separator: " ").prefix(2).joined(separator: " ")
        }
    }

    func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test runner ignores SIGTERM, and a child inherits that.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }
}
