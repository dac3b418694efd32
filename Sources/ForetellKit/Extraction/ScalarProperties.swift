/// Unicode properties that the passes over a document ask of nearly every scalar, answered from
/// the code point for ASCII, general punctuation (curly quotes, dashes, the ellipsis) and CJK
/// ideographs, which make up nearly all of the documents, and from the property tables for the
/// rest. The answers are those of `Unicode.Scalar.Properties` for every scalar (checked over all
/// of Unicode when this was written; the blocks answered here are fully assigned).
enum ScalarProperties {
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v >= 0x09 && v <= 0x0D }
        if v >= 0x2000, v <= 0x206F { return v <= 0x200A || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F }
        if v >= 0x4E00, v <= 0x9FFF { return false }
        return s.properties.isWhitespace
    }

    @inline(__always)
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A || v >= 0x61 && v <= 0x7A }
        if v >= 0x2000, v <= 0x206F { return false }
        if v >= 0x4E00, v <= 0x9FFF { return true }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x2000, v <= 0x206F || v >= 0x4E00 && v <= 0x9FFF { return false }
        return s.properties.isUppercase
    }

    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0x2000, v <= 0x206F || v >= 0x4E00 && v <= 0x9FFF { return false }
        return s.properties.isLowercase
    }
}

extension StringProtocol {
    /// Runs `body` on the UTF-8 bytes: the stored ones (native strings keep them contiguous), or a
    /// copy for text stored otherwise. A scan of the bytes costs a fraction of a walk over the
    /// view's indices or characters.
    @inline(__always)
    func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// The offset of the first `byte` among the first `limit` UTF-8 bytes: found with the C
    /// library's `memchr`, which reads many bytes a step.
    func utf8Offset(of byte: UInt8, within limit: Int = .max) -> Int? {
        withUTF8Buffer { bytes in
            let end = Swift.min(bytes.count, limit)
            guard end > 0, let base = bytes.baseAddress, let found = memchr(base, Int32(byte), end) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// Whether the UTF-8 bytes hold `byte`.
    func utf8Contains(_ byte: UInt8) -> Bool { utf8Offset(of: byte) != nil }

    /// The offset of the first ASCII digit among the first `limit` UTF-8 bytes. Digits are what
    /// dates and numbers need, and most text has few: eight bytes are tested a step.
    func utf8OffsetOfDigit(within limit: Int = .max) -> Int? {
        withUTF8Buffer { bytes in
            let end = Swift.min(bytes.count, limit)
            var i = 0
            if let base = bytes.baseAddress {
                while i + 8 <= end, !Self.holdsDigit(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            }
            while i < end {
                if Tokenizer.isDigitByte(bytes[i]) { return i }
                i += 1
            }
            return nil
        }
    }

    /// Whether any of eight bytes is an ASCII digit, "0" to "9" (0x30 to 0x39). Exact for every
    /// byte: its low seven bits plus 0x50 reach the high bit from 0x30 on, plus 0x46 from 0x3A on
    /// (neither sum carries into the next byte), and a byte from 0x80 on is turned away by its own
    /// high bit.
    @inline(__always)
    static func holdsDigit(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let fromZero = low7 &+ 0x5050_5050_5050_5050
        let pastNine = low7 &+ 0x4646_4646_4646_4646
        return fromZero & ~pastNine & ~word & high != 0
    }

    /// Whether the UTF-8 bytes hold those of `pattern`. Text that lacks the bytes of a string
    /// cannot contain it in any sense, Foundation's included, so this can spare a slower search.
    func utf8Contains(_ pattern: String) -> Bool {
        pattern.withUTF8Buffer { needle in
            withUTF8Buffer { bytes in
                guard let first = needle.first else { return true }
                guard bytes.count >= needle.count else { return false }
                var i = 0
                let last = bytes.count - needle.count
                while i <= last {
                    if bytes[i] == first {
                        var j = 1
                        while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                        if j == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the text is all ASCII.
    var isASCIIOnly: Bool { withUTF8Buffer { bytes in bytes.allSatisfy { $0 < 0x80 } } }

    /// Whether every UTF-8 byte is printable ASCII or a space (no control characters, nothing
    /// beyond ASCII): text in which each byte is a character of its own.
    var isPlainASCII: Bool { withUTF8Buffer { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } }

    /// `count`, from the bytes when each is a character of its own.
    var characterCount: Int { isPlainASCII ? utf8.count : count }

    /// `count > limit`, without counting when the bytes answer: a character holds at least one
    /// byte, so text of at most `limit` bytes is never longer, and plain ASCII has a character a
    /// byte. (Otherwise `count`: its own walk is faster than stepping index by index to a limit.)
    func hasMoreCharacters(than limit: Int) -> Bool {
        if utf8.count <= limit { return false }
        if isPlainASCII { return true }
        // Prose beyond ASCII (a curly quote, a dash) still has far more characters than a limit
        // in its ASCII bytes alone.
        if withUTF8Buffer({ SpeakerLabels.leastCharacterCount($0, cap: limit + 1) }) > limit { return true }
        return count > limit
    }

    /// `split(separator: " ")`, cut at the bytes when each space is a character of its own.
    func wordsBetweenSpaces() -> [SubSequence] {
        guard isPlainASCII || withUTF8Buffer(Self.spacesStandAlone) else { return split(separator: " ") }
        let offsets: [Range<Int>] = withUTF8Buffer { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                if i > start { ranges.append(start..<i) }
                start = i + 1
            }
            return ranges
        }
        let utf8 = self.utf8
        return offsets.map { self[utf8.index(startIndex, offsetBy: $0.lowerBound)..<utf8.index(startIndex, offsetBy: $0.upperBound)] }
    }

    /// Whether every space byte of `bytes` is a character of its own, so that cutting at the bytes
    /// splits where `split(separator: " ")` does: each space has on both sides an ASCII scalar or
    /// one of U+2010 to U+2027 (dashes, curly quotes, bullets, the ellipsis: E2 80 90 to E2 80 A7),
    /// none of which joins a neighbour (no prepended mark before it, no extending one after).
    /// Text without a space passes, as it is not cut at all.
    static func spacesStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        for i in 0..<count where bytes[i] == 0x20 {
            if i > 0, bytes[i - 1] >= 0x80,
               !(i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80 && (0x90...0xA7).contains(bytes[i - 1])) {
                return false
            }
            if i + 1 < count, bytes[i + 1] >= 0x80,
               !(i + 3 < count && bytes[i + 1] == 0xE2 && bytes[i + 2] == 0x80 && (0x90...0xA7).contains(bytes[i + 3])) {
                return false
            }
        }
        return true
    }
}

import Foundation
