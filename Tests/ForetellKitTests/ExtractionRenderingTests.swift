import Foundation
import Testing
@testable import ForetellKit

@Suite("Extraction output")
struct ExtractionRenderingTests {
    let forecast = ExtractedForecast(
        source: "talks/a \"b\".md", owner: nil, claim: "Prices fall\nby 2027", probability: 0.55, probabilityLow: 0.5,
        probabilityHigh: 0.6, basis: .numeric, madeOn: Day(year: 2026, month: 1, day: 10), deadline: nil,
        earliest: nil, quote: "Tab\there", line: 3, confidence: 0.7)

    @Test("JSON: the contract's keys first, in order, nulls written out, strings escaped")
    func json() throws {
        let line = ExtractionRendering.jsonObject(forecast)
        #expect(line.hasPrefix("{\"source\": \"talks/a \\\"b\\\".md\", \"owner\": null, \"claim\": \"Prices fall\\nby 2027\", \"probability\": 0.55, \"made_on\": \"2026-01-10\", \"deadline\": null, \"quote\": \"Tab\\there\", \"line\": 3,"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["probability_low"] as? Double == 0.5)
        #expect(object?["earliest"] is NSNull)
        #expect(object?.count == ExtractionRendering.keys.count)
        #expect(ExtractionRendering.jsonArray([]) == "[]\n")
    }

    @Test("JSON strings: quotes, backslashes, control characters and line separators escaped, the rest kept")
    func jsonEscapes() throws {
        let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h\u{2028}i\u{2029}j’k 唐杰 \u{2027}\u{202A}\u{80}"
        // By hand from RFC 8259 and the rule for U+2028 and U+2029 (they end a line in JavaScript):
        // U+2027 and U+202A share their first two UTF-8 bytes, and U+0080 is a control character
        // JSON leaves as it is.
        let expected = "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u2028i\\u2029j’k 唐杰 \u{2027}\u{202A}\u{80}\""
        #expect(JSONValue.string(text).serialized() == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(expected.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
        #expect(JSONValue.string("").serialized() == "\"\"")
    }

    @Test("Percentages: whole numbers without a decimal, others with one")
    func percent() {
        #expect(formatPercent(0.55) == "55%")
        #expect(formatPercent(0.575) == "57.5%")
        #expect(formatPercent(0.6667) == "66.7%")
        #expect(formatPercent(1) == "100%")
    }

    @Test("The table fits the width and wraps long claims under their column")
    func table() {
        var long = forecast
        long.claim = String(repeating: "word ", count: 60)
        long.owner = "A Very Long Owner Name Indeed"
        let table = ExtractionRendering.table([long], source: String(repeating: "folder/", count: 20) + "doc.md")
        let lines = table.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.count == 5)  // source, header, three claim lines
        #expect(lines.first?.hasSuffix("doc.md") == true)
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(ExtractionRendering.table([], source: "x.md").contains("no forecasts"))
    }
}
