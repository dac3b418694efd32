import Foundation

/// How to draw for the reader: colours only on a terminal and never with `NO_COLOR`; the width of
/// the terminal, else `COLUMNS`, else 80.
public struct TerminalStyle: Sendable {
    public var useColor: Bool
    public var width: Int

    public static let plain = TerminalStyle(useColor: false, width: 80)

    public init(useColor: Bool, width: Int) {
        self.useColor = useColor
        self.width = max(40, width)
    }

    /// The style for standard output of this process.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        var width = 80
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        } else if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            width = columns
        }
        return TerminalStyle(useColor: isTerminal && !noColor && !dumb, width: width)
    }

    /// This style, or, when standard output is not a terminal, one that never cuts or wraps:
    /// piped text is read by scripts, which grep whole claims.
    public func unboundedWhenPiped() -> TerminalStyle {
        guard isatty(STDOUT_FILENO) != 1 else { return self }
        var style = self
        style.width = Int.max / 4
        return style
    }

    public enum Tint: Sendable {
        case none, bold, dim, green, red, yellow, cyan
        var code: String? {
            switch self {
            case .none: return nil
            case .bold: return "1"
            case .dim: return "2"
            case .green: return "32"
            case .red: return "31"
            case .yellow: return "33"
            case .cyan: return "36"
            }
        }
    }

    public func paint(_ text: String, _ tint: Tint) -> String {
        guard useColor, let code = tint.code, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// How many terminal columns text takes: East Asian wide characters take two, combining marks none.
public func displayWidth(_ text: some StringProtocol) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: continue
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            width += 2
        case 0..<0x20, 0x7F: continue
        default: width += 1
        }
    }
    return width
}

/// Cuts text to at most `width` columns, ending in an ellipsis when it was cut.
public func truncate(_ text: String, toWidth width: Int) -> String {
    guard displayWidth(text) > width else { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    var result = ""
    var used = 0
    for character in text {
        let characterWidth = displayWidth(String(character))
        if used + characterWidth > width - 1 { break }
        result.append(character)
        used += characterWidth
    }
    return result + "…"
}
