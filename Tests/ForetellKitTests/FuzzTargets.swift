#if !FUZZING
@testable import ForetellKit
#endif
import Foundation

/// What the fuzzer runs on each input. `fuzz/run` compiles this file with the parsers into a
/// libFuzzer binary, and FuzzRegressionTests replays the seed corpus and every input the fuzzer
/// ever crashed on through it, so both exercise exactly the same code.
///
/// A trap anywhere is a crash in both places. Beyond that, each target checks properties that hold
/// for any input and returns the ones the input broke.
enum FuzzTargets {
    static func run(_ bytes: [UInt8], scratch: String) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var problems = probability(text) + dates(text) + calendarArithmetic(bytes) + extraction(bytes)
        // An odd first byte makes the rest a CSV file; the next byte picks how much each read returns.
        if let selector = bytes.first, selector & 1 == 1 {
            problems += csv(Array(bytes.dropFirst()), scratch: scratch)
        }
        return problems
    }

    static func probability(_ text: String) -> [String] {
        var problems: [String] = []
        if let value = try? ProbabilityInput.parse(text), !(value.isFinite && value >= 0 && value <= 1) {
            problems.append("ProbabilityInput.parse gave \(value), outside 0 to 1")
        }
        _ = try? Outcome.parse(text)
        return problems
    }

    static func dates(_ text: String) -> [String] {
        var problems: [String] = []
        if let day = try? DateInput.deadline(text), Day(iso: day.description) != day {
            problems.append("the deadline \(day) does not read back as itself")
        }
        let moment = Moment.parse(text)
        if (try? DateInput.moment(text)) != moment {
            problems.append("DateInput.moment and Moment.parse disagree")
        }
        if let moment {
            if Moment.parse(moment.text) != moment {
                problems.append("the moment \(moment.text) does not read back as itself")
            }
            if Day(iso: moment.day.description) != moment.day {
                problems.append("the moment's day \(moment.day) does not read back as itself")
            }
            // A zone offset is at most 18 hours, so the instant is within 18 hours of its local day.
            let slack: Int64 = 18 * 3_600_000
            if moment.milliseconds < moment.day.startMilliseconds - slack
                || moment.milliseconds > moment.day.endMilliseconds + slack {
                problems.append("the moment \(moment.text) is at \(moment.milliseconds) ms, far from its day")
            }
            if moment.resolutionMilliseconds < moment.milliseconds {
                problems.append("the moment \(moment.text) resolves before it happens")
            }
        }
        return problems
    }

    /// The bytes as a document, decoded and read by the extractor the way `foretell extract` does.
    static func extraction(_ bytes: [UInt8]) -> [String] {
        guard case .text(let text) = DocumentDecoding.decode(Data(bytes)) else { return [] }
        let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        let result = Extractor.extract(source: "fuzz.txt", text: text, defaultDate: Day(year: 2026, month: 1, day: 10))
        var problems: [String] = []
        for forecast in result.forecasts {
            let name = "the forecast on line \(forecast.line) (\(forecast.claim))"
            for value in [forecast.probabilityLow, forecast.probability, forecast.probabilityHigh].compactMap({ $0 })
            where !(value.isFinite && value >= 0 && value <= 1) {
                problems.append("\(name) has the probability \(value)")
            }
            if let low = forecast.probabilityLow, let probability = forecast.probability, low > probability {
                problems.append("\(name) has a range starting above its probability")
            }
            if let high = forecast.probabilityHigh, let probability = forecast.probability, high < probability {
                problems.append("\(name) has a range ending below its probability")
            }
            if !(forecast.confidence >= 0 && forecast.confidence <= 1) {
                problems.append("\(name) has the confidence \(forecast.confidence)")
            }
            if forecast.line < 1 || forecast.line > lineCount {
                problems.append("\(name) points at a line outside the document's \(lineCount)")
            }
            if forecast.quote.isEmpty || forecast.claim.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("\(name) has an empty quote or claim")
            }
            if let earliest = forecast.earliest, let deadline = forecast.deadline, earliest > deadline {
                problems.append("\(name) is expected no earlier than \(earliest), after its deadline \(deadline)")
            }
            if let explanation = forecast.explanation,
               explanation.firstLine < 1 || explanation.lastLine > lineCount || explanation.firstLine > explanation.lastLine {
                problems.append("\(name) is explained as from lines \(explanation.firstLine)-\(explanation.lastLine) of \(lineCount)")
            }
            _ = forecast.identity.matches(forecast.identity)
        }
        return problems
    }

    /// Days and instants from raw numbers, the way scoring and extraction compute them.
    static func calendarArithmetic(_ bytes: [UInt8]) -> [String] {
        guard bytes.count >= 8 else { return [] }
        var number: Int64 = 0
        for byte in bytes.prefix(8) { number = number << 8 | Int64(byte) }
        var problems: [String] = []
        let utc = Moment(milliseconds: number)
        if Moment.parse(utc.text)?.day != utc.day {
            problems.append("Moment(milliseconds: \(number)) gave \(utc.text), which does not read back")
        }
        let small = Int(truncatingIfNeeded: number >> 32)
        if let day = Day(daysSinceEpoch: small) {
            if Day(daysSinceEpoch: day.daysSinceEpoch) != day { problems.append("days since epoch do not round-trip for \(small)") }
            _ = day.adding(days: Int(Int32(truncatingIfNeeded: number)))
            _ = day.adding(months: Int(Int32(truncatingIfNeeded: number)))
            _ = day.adding(years: Int(Int16(truncatingIfNeeded: number)))
        }
        return problems
    }

    /// Reads the bytes as a CSV file in one read, as from a file, and in tiny reads, as a pipe may
    /// deliver them: both must give the same records or the same error. Then reads some columns only.
    static func csv(_ bytes: [UInt8], scratch: String) -> [String] {
        let readSize = Int(bytes.first ?? 0) % 61 + 1
        let content = Data(bytes.dropFirst())
        guard FileManager.default.createFile(atPath: scratch, contents: content) else {
            return ["cannot write the scratch file \(scratch)"]
        }
        defer { unlink(scratch) }
        let whole = readAll(scratch, readSize: content.count + 1)
        let piecewise = readAll(scratch, readSize: readSize)
        var problems: [String] = []
        if whole != piecewise {
            problems.append("reading \(readSize) bytes at a time gives \(piecewise), whole reads give \(whole)")
        }
        if case .success(let records) = whole {
            let lines = records.map(\.line)
            if lines.first.map({ $0 < 1 }) ?? false || zip(lines, lines.dropFirst()).contains(where: { $0 > $1 }) {
                problems.append("record lines are not increasing from 1: \(lines)")
            }
            // Reading only some columns gives those columns' text and "" for the others.
            let wanted = [readSize % 5, readSize % 3]
            if case .success(let narrow) = readAll(scratch, readSize: readSize, columns: wanted) {
                let expected = records.map { record in
                    CSVRecord(fields: record.fields.indices.map { wanted.contains($0) ? record.fields[$0] : "" }, line: record.line)
                }
                if narrow != expected { problems.append("reading only columns \(wanted) gives \(narrow), not \(expected)") }
            } else {
                problems.append("reading only columns \(wanted) fails where reading all succeeds")
            }
            if let header = records.first {
                _ = try? CSVHeader(header.fields).require(["claim", "owner"], path: scratch)
            }
        }
        return problems
    }

    static func readAll(_ path: String, readSize: Int, columns: [Int]? = nil) -> Result<[CSVRecord], CSVError> {
        Result { () throws(CSVError) -> [CSVRecord] in
            let reader = try CSVReader(path: path, readSize: readSize)
            if let columns { reader.readOnly(columns: columns) }
            var records: [CSVRecord] = []
            while let record = try reader.next() { records.append(record) }
            return records
        }
    }
}
