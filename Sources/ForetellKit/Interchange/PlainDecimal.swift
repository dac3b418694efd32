/// Numbers for CSV as positional decimals that read back as the same double.
///
/// Swift writes 0.00005 as `5e-05` (its shortest round-trip form), which foretell's own input, and
/// many spreadsheets, refuse or misread as text. The same significant digits written without an
/// exponent read back as the same double, since they are the same decimal number.
public enum PlainDecimal {
    public static func text(_ value: Double) -> String {
        let shortest = value.isFinite ? value.plainText : "null"
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(shortest[shortest.index(after: e)...]) else { return shortest }
        var mantissa = Substring(shortest[..<e])
        let negative = mantissa.first == "-"
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".")
        let integerDigits = point.map { mantissa[..<$0] } ?? mantissa
        let fractionDigits = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        let digits = Array(integerDigits + fractionDigits)
        // Where the point falls in `digits` once the exponent is applied.
        let position = integerDigits.count + exponent
        var text: String
        if position <= 0 {
            text = "0." + String(repeating: "0", count: -position) + String(digits)
        } else if position >= digits.count {
            text = String(digits) + String(repeating: "0", count: position - digits.count)
        } else {
            text = String(digits[..<position]) + "." + String(digits[position...])
        }
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        while text.count > 1, text.first == "0", text.dropFirst().first != "." { text.removeFirst() }
        return (negative ? "-" : "") + text
    }
}
