/// How `foretell extract` prints forecasts: JSON for scripts, a table for people.
public enum ExtractionRendering {
    /// The keys of one forecast, in the order printed. The first eight are the contract's
    /// (`shared/spec/cli.md`, "Documents"); nulls are written out, dates are `YYYY-MM-DD`.
    public static let keys = [
        "source", "owner", "claim", "probability", "made_on", "deadline", "quote", "line",
        "earliest", "basis", "probability_low", "probability_high", "confidence", "engine", "model",
    ]

    /// One forecast as a single-line JSON object; with `explain`, an `explain` object after the
    /// contract's keys says where each field came from.
    public static func jsonObject(_ forecast: ExtractedForecast, explain: Bool = false) -> String {
        let values: [JSONValue] = [
            .string(forecast.source), .optional(forecast.owner), .string(forecast.claim), .optional(forecast.probability),
            .optional(forecast.madeOn?.description), .optional(forecast.deadline?.description), .string(forecast.quote),
            .int(Int64(forecast.line)), .optional(forecast.earliest?.description), .optional(forecast.basis?.rawValue),
            .optional(forecast.probabilityLow), .optional(forecast.probabilityHigh), .number(forecast.confidence),
            .string(forecast.foundBy.rawValue), .optional(forecast.model),
        ]
        // The four texts, and about 250 bytes of keys, numbers and dates: one allocation for the line.
        let capacity = forecast.source.utf8.count + (forecast.owner?.utf8.count ?? 0) + forecast.claim.utf8.count
            + forecast.quote.utf8.count + 320
        var fields = Array(zip(keys, values))
        if explain { fields.append(("explain", explanationJSON(forecast.explanation))) }
        return JSONValue.object(fields).serialized(reservingCapacity: capacity)
    }

    /// `{"block": ..., "lines": [first, last], "owner": ..., "probability": ..., "made_on": ...,
    /// "deadline": ...}`, or null for a forecast without an explanation.
    static func explanationJSON(_ explanation: ExtractionExplanation?) -> JSONValue {
        guard let explanation else { return .null }
        return .object([
            ("block", .string(explanation.block)),
            ("lines", .array([.int(Int64(explanation.firstLine)), .int(Int64(explanation.lastLine))])),
            ("owner", .string(explanation.owner)), ("probability", .string(explanation.probability)),
            ("made_on", .string(explanation.madeOn)), ("deadline", .string(explanation.deadline)),
        ])
    }

    /// The language model's answers the checks refused, one line each, for `--explain`.
    public static func droppedList(_ dropped: [DroppedAnswer]) -> String {
        dropped.map { answer in
            let quote = answer.quote.split(whereSeparator: \.isNewline).joined(separator: " ")
            let shown = quote.count > 70 ? quote.prefix(69) + "…" : Substring(quote)
            return "foretell: dropped: \(answer.source) (part \(answer.chunk)): \(answer.reason.description): “\(shown)”\n"
        }.joined()
    }

    /// A JSON array, one forecast a line.
    public static func jsonArray(_ forecasts: [ExtractedForecast], explain: Bool = false) -> String {
        guard !forecasts.isEmpty else { return "[]\n" }
        return "[\n" + forecasts.map { "  " + jsonObject($0, explain: explain) }.joined(separator: ",\n") + "\n]\n"
    }

    /// One forecast as a row of the canonical CSV (`CanonicalCSV.columns`, the header of
    /// `foretell export`), with an empty `question_id`, so that a person can review the rows and
    /// load them with `foretell import --from csv`. Fields the document does not give are empty;
    /// the import skips such rows and says why, as `foretell import DOC` does.
    public static func csvRow(_ forecast: ExtractedForecast) -> String {
        CSVWriter.line([
            "", forecast.claim, forecast.owner ?? "", forecast.probability.map { JSONValue.format($0) } ?? "",
            forecast.madeOn?.description ?? "", forecast.deadline?.description ?? "", "", "", "",
            forecast.source, forecast.quote,
        ])
    }

    /// A table that fits `width` columns: one block per document, one row per forecast; with
    /// `explain`, indented lines under each row say where its fields came from.
    public static func table(_ forecasts: [ExtractedForecast], source: String, width: Int = 80, explain: Bool = false) -> String {
        // A long path keeps its end, where the file name is.
        let source = TerminalText.safe(source)
        var out = (source.count <= width ? source : "…" + source.suffix(width - 1)) + "\n"
        if forecasts.isEmpty { return out + "  (no forecasts found)\n" }
        let claimWidth = max(20, width - 44)
        out += pad("LINE", 6, right: true) + "  " + pad("OWNER", 16) + " " + pad("PROB", 5, right: true) + "  "
            + pad("DEADLINE", 10) + "  " + "CLAIM\n"
        let indent = String(repeating: " ", count: width - claimWidth)
        for forecast in forecasts {
            let probability = forecast.probability.map { formatPercent($0) } ?? "-"
            // The claim is what people read: it wraps under its column (up to three lines).
            let lines = wrap(TerminalText.safe(forecast.claim), claimWidth, maxLines: 3)
            out += pad(String(forecast.line), 6, right: true) + "  " + pad(TerminalText.safe(forecast.owner ?? "?"), 16) + " "
                + pad(probability, 5, right: true) + "  " + pad(forecast.deadline?.description ?? "-", 10) + "  "
                + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { out += indent + line + "\n" }
            if explain {
                for line in forecast.explanation?.lines ?? ["(no explanation)"] {
                    let wrapped = wrap(line, width - 10, maxLines: 4)
                    out += "        " + (wrapped.first ?? "") + "\n"
                    for more in wrapped.dropFirst() { out += "          " + more + "\n" }
                }
            }
        }
        return out
    }

    /// Splits text at spaces into lines of at most `width` characters; the last line ends with
    /// "…" when text is left over.
    static func wrap(_ text: String, _ width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word.count <= width ? String(word) : String(word.prefix(width - 1)) + "…"
            if lines.count == maxLines { break }
        }
        if !current.isEmpty, lines.count < maxLines { lines.append(current) }
        if lines.count >= maxLines {
            lines = Array(lines.prefix(maxLines))
            let used = lines.joined(separator: " ").count
            if used < text.count, var last = lines.popLast() {
                last = last.count < width ? last + "…" : String(last.prefix(width - 1)) + "…"
                lines.append(last)
            }
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let cut = truncate(text, toWidth: width)
        let space = String(repeating: " ", count: max(0, width - displayWidth(cut)))
        return right ? space + cut : cut + space
    }
}

import Foundation
