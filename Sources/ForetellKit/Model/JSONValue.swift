/// A JSON document with object keys in the order they were written, so that output is stable and
/// reads naturally (Foundation's encoder orders keys by hash on Linux). Non-finite numbers become null.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    public static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    public static func optional(_ number: Double?) -> JSONValue { number.map { .number($0) } ?? .null }
    public static func optional(_ number: Int64?) -> JSONValue { number.map { .int($0) } ?? .null }
    public static func optional(_ number: Int?) -> JSONValue { number.map { .int(Int64($0)) } ?? .null }

    /// One line with a space after each comma and colon (as Python's json.dumps), or indented by
    /// two spaces with `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        serialized(pretty: pretty, reservingCapacity: 64)
    }

    /// The same, written into room for `capacity` bytes: a caller that knows about how long the
    /// text will be spares the buffer its growing (each step copies all written so far).
    func serialized(pretty: Bool = false, reservingCapacity capacity: Int) -> String {
        // Written as bytes, and made a string once: appending to a string checks and copies for
        // every piece, which cost more than the text itself for a forecast's dozen values.
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        func newline(_ depth: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .number(let value): out += Self.format(value).utf8
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            guard !values.isEmpty else { out += "[]".utf8; return }
            out.append(0x5B)
            for (position, value) in values.enumerated() {
                if position > 0 { out += (pretty ? "," : ", ").utf8 }
                if pretty { newline(indent + 1) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out.append(0x7B)
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { out += (pretty ? "," : ", ").utf8 }
                if pretty { newline(indent + 1) }
                Self.writeString(key, to: &out)
                out += ": ".utf8
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(0x7D)
        }
    }

    /// The shortest text that reads back as the same double; integers without a fraction.
    static func format(_ value: Double) -> String {
        value.isFinite ? value.plainText : "null"
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        text.withUTF8Buffer { bytes in
            // Bytes that need no escape are copied in runs, not a scalar at a time: nearly all of
            // a text is one run. Every escape is of an ASCII byte or of a whole scalar, so the runs
            // are whole scalars.
            var runStart = 0
            var i = 0
            while i < bytes.count {
                var length = 1
                let escape: String?
                switch bytes[i] {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20: escape = unicodeEscape(UInt32(bytes[i]))
                // Line and paragraph separators (E2 80 A8 and E2 80 A9) are valid JSON but end a
                // line in JavaScript.
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                default: escape = nil
                }
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out += escape.utf8
                    runStart = i + length
                }
                i += length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    /// A \u escape with four lower-case hex digits, as "\u001f".
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
