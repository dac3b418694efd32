import Foundation

/// Reads a probability as people type it: `0.2`, `.2`, `20%`, `12.5 %`, or odds `1:4` (for:against).
///
/// A bare number above 1 such as `20` is refused as ambiguous rather than guessed to be a percentage.
public enum ProbabilityInput {
    public static func parse(_ raw: String) throws(InputError) -> Double {
        let text = raw.trimmingWhitespace()
        // Bytes, not characters: '%' and ':' are ASCII, and grapheme breaking costs more than the rest.
        if text.utf8.last == UInt8(ascii: "%") {
            let number = text.dropLast().trimmingWhitespace()
            guard let percent = finiteNumber(number) else { throw .probabilityNotANumber(raw) }
            guard percent >= 0, percent <= 100 else { throw .probabilityOutOfRange(raw) }
            // + 0.0: "-0%" is 0, not -0.0 (see CanonicalValue).
            return percent / 100 + 0.0
        }
        if let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) {
            guard let odds = finiteNumber(String(text[..<colon])),
                  let against = finiteNumber(String(text[text.utf8.index(after: colon)...])) else {
                throw .probabilityNotANumber(raw)
            }
            guard odds >= 0, against >= 0, odds + against > 0 else { throw .probabilityOutOfRange(raw) }
            return odds / (odds + against) + 0.0
        }
        guard let value = finiteNumber(text) else { throw .probabilityNotANumber(raw) }
        if value > 1, value <= 100, value == value.rounded() { throw .probabilityAmbiguous(text) }
        guard value >= 0, value <= 1 else { throw .probabilityOutOfRange(raw) }
        return value + 0.0
    }

    /// A probability typed on the command line: as ``parse(_:)``, but a bare `1` is refused too,
    /// since a person typing `-p 1` may mean 1% as well as certainty (`1.0` and `100%` are clear).
    /// Files keep reading `1` as certainty: exports write probabilities as decimals.
    public static func parseTyped(_ raw: String) throws(InputError) -> Double {
        if raw.trimmingWhitespace() == "1" { throw .probabilityAmbiguous("1") }
        return try parse(raw)
    }

    /// A plain decimal number: digits with an optional sign and point. Refuses `nan`, `inf`, hex and
    /// exponents, which `Double(_:)` would accept.
    static func finiteNumber(_ text: String) -> Double? {
        var sawDigit = false
        var sawPoint = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."): if sawPoint { return nil } else { sawPoint = true }
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return nil }
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

