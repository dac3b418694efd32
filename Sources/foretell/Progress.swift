import ForetellKit
import Foundation

/// A progress bar on stderr, drawn only when stderr is a terminal and the work is large enough to wait for.
final class ProgressBar {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private var lastDrawn = Date.distantPast

    init(label: String, total: Int, minimumTotal: Int = 4 << 20) {
        // The label names a file, whose name may hold control characters.
        self.label = TerminalText.safe(label)
        self.total = total
        self.enabled = isatty(STDERR_FILENO) == 1 && total >= minimumTotal
    }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Output.err("\r\(label) \(bar) \(Int(fraction * 100))%")
    }

    func finish() {
        guard enabled, lastDrawn != .distantPast else { return }
        Output.err("\r\u{1B}[K")
    }
}
