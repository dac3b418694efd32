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

extension StringProtocol {
    /// `prefix(count)`: the first `count` characters. Where the bytes up to the one after them are
    /// printable ASCII, each byte is a character (no two such bytes form one), so the prefix is cut
    /// at a byte offset without breaking the text into grapheme clusters.
    func characterPrefix(_ count: Int) -> SubSequence {
        guard count >= 0 else { return prefix(count) }
        let plain = withUTF8Buffer { bytes in
            bytes.prefix(count + 1).allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        }
        guard plain else { return prefix(count) }
        let end = utf8.index(startIndex, offsetBy: Swift.min(count, utf8.count))
        return self[startIndex..<end]
    }
}

extension String {
    /// `lowercased()`; from the bytes when they are ASCII or general punctuation (U+2000 to
    /// U+206F: curly quotes, dashes, the ellipsis), where it only makes A-Z small, since
    /// `lowercased()` maps each scalar on its own and punctuation has no lower case.
    func lowercasedFast() -> String {
        let simple = withUTF8Buffer { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 && bytes[i + 2] < 0xB0 {
                    // E2 80 80 to E2 81 AF: U+2000 to U+206F.
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        guard simple else { return lowercased() }
        return withUTF8Buffer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    buffer[i] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                }
                return bytes.count
            }
        }
    }
}
