import Foundation

/// Turns the bytes of a file into text without ever failing on bad bytes.
///
/// UTF-8 with or without a byte-order mark; UTF-16 when it starts with a byte-order mark (Windows
/// editors write it). Invalid UTF-8 becomes U+FFFD. A NUL byte anywhere else means the file is
/// binary: text documents never contain one, while PDFs, images and archives nearly always do.
public enum DocumentDecoding {
    public enum Result: Equatable {
        case text(String)
        /// The offset of the first NUL byte.
        case binary(offset: Int)
    }

    public static func decode(_ data: Data) -> Result {
        decode([UInt8](data))
    }

    public static func decode(_ bytes: [UInt8]) -> Result {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return .text(utf16(bytes.dropFirst(2), bigEndian: false))
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return .text(utf16(bytes.dropFirst(2), bigEndian: true))
        }
        if let nul = firstNUL(bytes) { return .binary(offset: nul) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return .text(String(decoding: body, as: UTF8.self))
    }

    /// `bytes.firstIndex(of: 0)`, found by the C library's `memchr`, which looks at many bytes
    /// a step where the generic search looks at one.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty,
                  let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
