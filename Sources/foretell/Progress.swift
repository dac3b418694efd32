import ForetellKit
import Foundation
import ForetellKit

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
        Output.err("\r" + Self.line(label: label, fraction: Double(done) / Double(max(total, 1))))
    }

    /// One frame of the bar. At most 79 columns, whatever the label (a long path): a line that
    /// reaches the 80th column wraps on many terminals, and every later frame then draws on a new line.
    static func line(label: String, fraction: Double) -> String {
        let fraction = min(1, max(0, fraction))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        // 30 for the bar, 5 for " 100%", 1 for the space before the bar.
        let fitted = truncate(label, toWidth: 79 - width - 5 - 1)
        return "\(fitted) \(bar) \(Int(fraction * 100))%"
    }

    func finish() {
        guard enabled, lastDrawn != .distantPast else { return }
        Output.err("\r\u{1B}[K")
    }
}

/// One line on stderr, on a terminal only, saying which chunk of which document the language
/// model is reading: a local model may take a minute a chunk, and a command silent that long
/// looks hung. `clear()` removes it before anything else is printed.
final class ModelStatusLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var drawn = false

    func show(model: String, source: String, chunk: Int, of count: Int) {
        guard enabled else { return }
        drawn = true
        Output.err("\r\u{1B}[K" + Self.line(model: model, source: source, chunk: chunk, of: count))
    }

    /// "asking llama3.2: chunk 2/5 of interview.md", at most 79 columns, names made safe to print.
    static func line(model: String, source: String, chunk: Int, of count: Int) -> String {
        truncate(TerminalText.safe("asking \(model): chunk \(chunk)/\(count) of \(source)"), toWidth: 79)
    }

    func clear() {
        guard drawn else { return }
        drawn = false
        Output.err("\r\u{1B}[K")
    }
}
