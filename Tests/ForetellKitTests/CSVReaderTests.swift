import Foundation
import Testing
@testable import ForetellKit

/// A new CSV file holding `text`, in the temporary folder.
func writeTemporaryCSV(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// The reader against hand-written files and, on the real archives, against Python's csv module.
@Suite struct CSVReaderTests {
    func write(_ text: String) throws -> String { try writeTemporaryCSV(text) }

    func records(_ text: String) throws -> [CSVRecord] {
        let reader = try CSVReader(path: try write(text))
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let got = try records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3, spaced ,\n")
        #expect(got.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", " spaced ", ""]])
        // The record after the two-line field starts on line 5.
        #expect(got.map(\.line) == [1, 2, 3, 5])
    }

    @Test func readingOnlySomeColumnsLeavesTheOthersEmptyAndKeepsLines() throws {
        let reader = try CSVReader(path: try write("a,b,c,d\n1,\"x,\ny\",2,z\n3,q,4,w,extra\n5\n"))
        #expect(try reader.next()?.fields == ["a", "b", "c", "d"])
        reader.readOnly(columns: [2, 0])
        var got: [CSVRecord] = []
        while let record = try reader.next() { got.append(record) }
        #expect(got.map(\.fields) == [["1", "", "2", ""], ["3", "", "4", "", ""], ["5"]])
        #expect(got.map(\.line) == [2, 4, 5])
    }

    @Test func byteOrderMarkAndCRLFAndNoFinalNewline() throws {
        let got = try records("\u{FEFF}id,name\r\n1,foo\r\n2,bar")
        #expect(got.map(\.fields) == [["id", "name"], ["1", "foo"], ["2", "bar"]])
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv").path
        try Data([0x61, 0x2C, 0xFF, 0xFE, 0x62, 0x0A]).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path)
        #expect(try reader.next()?.fields == ["a", "\u{FFFD}\u{FFFD}b"])
    }

    @Test func binaryAndMissingFilesAreClearErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bin-\(UUID().uuidString)").path
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]).write(to: URL(fileURLWithPath: path))
        #expect(throws: CSVError.binary(path: path)) { _ = try CSVReader(path: path).next() }
        #expect(throws: CSVError.missing(path: "/nonexistent/x.csv")) { _ = try CSVReader(path: "/nonexistent/x.csv") }
    }

    @Test func recordsSpanningChunkBoundaries() throws {
        // Longer than the 1 MiB chunk, with a quoted newline straddling it.
        let long = String(repeating: "x", count: (1 << 20) - 5)
        let got = try records("h\n\"\(long)\nend\"\nlast\n")
        #expect(got.count == 3)
        #expect(got[1].fields == [long + "\nend"])
        #expect(got[2] == CSVRecord(fields: ["last"], line: 4))
    }

    /// Plain and quoted lines, blank lines, a lone carriage return and a final line without a line
    /// feed read the same however the file arrives.
    @Test func recordsReadTheSameHoweverFewBytesEachReadReturns() throws {
        let text = "a,b\r\n1, x ,\n\"q\",2\n\n3\r4,5\n,\n\t\n\"multi\nline\",after\nlast,\u{e9}"
        let expected = [["a", "b"], ["1", " x ", ""], ["q", "2"], ["3"], ["4", "5"], ["", ""], ["\t"], ["multi\nline", "after"],
                        ["last", "\u{e9}"]]
        let path = try write(text)
        for readSize in [1, 2, 3, 7, 1 << 20] {
            let reader = try CSVReader(path: path, readSize: readSize)
            var got: [CSVRecord] = []
            while let record = try reader.next() { got.append(record) }
            #expect(got.map(\.fields) == expected, "read \(readSize) bytes at a time")
            #expect(Array(got.map(\.line).prefix(3)) == [1, 2, 3])
            // The last record, after the two-line field, starts on the file's tenth line.
            #expect(got.last?.line == 10)
        }
    }

    @Test func writerRoundTripsThroughReader() throws {
        let rows = [["plain", "with,comma", "with \"quote\"", "multi\nline", " lead", ""], ["a", "b", "c", "d", "e", "f"]]
        let text = rows.map(CSVWriter.line).joined()
        #expect(try records(text).map(\.fields) == rows)
    }

    /// Independent implementation: Python's csv module must read the same fields, line for line.
    @Test(.enabled(if: SharedData.available)) func predictionBookArchiveMatchesPythonCSV() throws {
        let path = SharedData.path("predictionbook/questions.csv")
        let reader = try CSVReader(path: path)
        var count = 0
        var fieldDigest = 0
        var lastLine = 0
        while let record = try reader.next() {
            count += 1
            lastLine = record.line
            for field in record.fields { fieldDigest = (fieldDigest &* 31 &+ field.unicodeScalars.count) % 1_000_000_007 }
        }
        let python = try SharedData.python("""
            import csv, sys
            n = 0; d = 0
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                r = csv.reader(f)
                for row in r:
                    n += 1; last = r.line_num
                    for field in row: d = (d * 31 + len(field)) % 1000000007
            print(n, d)
            """, arguments: [path])
        #expect(python == "\(count) \(fieldDigest)")
        #expect(lastLine > count) // questions.csv has titles with line breaks
    }

    /// A pipe may return fewer bytes than a read asks for: the binary check and the byte-order mark
    /// must not depend on how the first 8 KiB arrive (the fuzzer's first find).
    @Test func aBinaryFileIsRecognisedHoweverFewBytesEachReadReturns() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("short-reads-\(UUID().uuidString).csv").path
        try Data("a,b\n\"open \u{0}\u{0}quote,\n".utf8).write(to: URL(fileURLWithPath: path))
        for readSize in [1, 2, 3, 7, 1 << 20] {
            #expect(throws: CSVError.binary(path: path), "reading \(readSize) at a time") {
                let reader = try CSVReader(path: path, readSize: readSize)
                while try reader.next() != nil {}
            }
        }
        // A byte-order mark split across reads is still skipped.
        try Data("\u{FEFF}id\n1\n".utf8).write(to: URL(fileURLWithPath: path))
        for readSize in [1, 2, 4] {
            let reader = try CSVReader(path: path, readSize: readSize)
            #expect(try reader.next()?.fields == ["id"], "reading \(readSize) at a time")
        }
    }
}
