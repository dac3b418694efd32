extension StringProtocol {
    /// The text without spaces and tabs at either end: what `trimmingCharacters(in: .whitespaces)`
    /// gives (Unicode's space separators and the tab), without a round trip through Foundation's
    /// UTF-16 strings, which made every line of a large document cost a copy and a conversion.
    func trimmingSpaces() -> String {
        String(spaceTrimmed())
    }

    /// `trimmingSpaces()` as a slice of the text, without a copy.
    func spaceTrimmed() -> SubSequence {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return self[start..<end]
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || scalar.value == 0x09 }
        return scalar.properties.generalCategory == .spaceSeparator
    }
}
