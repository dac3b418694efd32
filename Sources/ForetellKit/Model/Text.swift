extension StringProtocol {
    /// The text without leading and trailing white space: the characters with Unicode's White_Space
    /// property (spaces, tabs, line breaks). A zero-width space is not white space: one
    /// PredictionBook user is called just that, and must stay a name of its own.
    /// Text with nothing to trim is returned without copying its characters.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        // Most text starts and ends with a visible ASCII character: no Unicode lookup for it.
        if (0x21..<0x80).contains(first.value) && (0x21..<0x80).contains(last.value) { return String(self) }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return String(self) }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}

extension String {
    /// ``StringProtocol/trimmingWhitespace()`` for a string, whose first and last UTF-8 bytes are
    /// at hand: a field that starts and ends with a visible ASCII character is returned as it is.
    func trimmingWhitespace() -> String {
        if let head = utf8.first, let tail = utf8.last, (0x21..<0x80).contains(head), (0x21..<0x80).contains(tail) {
            return self
        }
        return self[...].trimmingWhitespace()
    }
}

extension Double {
    /// The number as JSON and CSV write it: a whole number without `.0` (`1`, not `1.0`), any other
    /// in Swift's shortest form that reads back as the same double (`0.35`).
    var plainText: String {
        if isFinite, self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
