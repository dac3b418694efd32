import CLibCSV
import Foundation

/// One CSV record and the line of the file it starts on (1-based, the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// The field at `index`, or "" for a short record.
    public subscript(index: Int?) -> String {
        guard let index, index >= 0, index < fields.count else { return "" }
        return fields[index]
    }
}

public enum CSVError: ReportableError, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    /// A folder named where a CSV file was expected: a usage error, like a missing file.
    case folder(path: String)
    case binary(path: String)
    case empty(path: String)
    case missingColumns(path: String, columns: [String], found: [String])
    case malformed(path: String, line: Int, reason: String)

    /// A file the person named that is missing or not CSV is a usage error (exit 64), as for
    /// documents; a failure of the machine while reading is a runtime error.
    public var isUsageError: Bool {
        switch self {
        case .unreadable: return false
        default: return true
        }
    }

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .folder(let path): return "\(path) is a folder: name the CSV file itself"
        case .binary(let path): return "\(path) is a binary file, not CSV text"
        case .empty(let path): return "\(path) is empty: a CSV file needs at least a header line"
        case .missingColumns(let path, let columns, let found):
            return "\(path): the header lacks the column(s) \(columns.joined(separator: ", ")); found \(found.prefix(12).joined(separator: ", "))"
        case .malformed(let path, let line, let reason): return "\(path):\(line): \(reason)"
        }
    }
}

/// The fields of one record as bytes, valid only inside the closure that ``CSVReader/nextFields(_:)``
/// hands them to: an importer that reads a million rows then builds only the strings it keeps.
struct CSVFields {
    /// Every field of the record, end to end.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `bytes` (each starts where the one before ends).
    let ends: UnsafeBufferPointer<Int>
    /// The line of the file the record starts on.
    let line: Int

    var count: Int { ends.count }

    /// The bytes of the field at `index`, or none for a short record.
    subscript(index: Int?) -> UnsafeBufferPointer<UInt8> {
        guard let index, index >= 0, index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// The field as a string, invalid UTF-8 replaced, as ``CSVRecord`` holds it.
    func string(_ index: Int?) -> String { String(decoding: self[index], as: UTF8.self) }
}

/// Streams the records of a CSV file through libcsv, an RFC 4180 parser: quoted fields may hold
/// commas, quotes and newlines. The file is read in 1 MiB chunks and fed a line at a time, so each
/// record knows the line it starts on; a byte-order mark is skipped and invalid UTF-8 is replaced.
///
/// A line without a quote or a carriage return (but for one ending it), read between records,
/// can only mean its fields split at the commas, so it is split here without libcsv: most rows of
/// an export are such lines, and libcsv's byte-by-byte state machine and a callback per field
/// cost more than the rest of reading them.
///
/// Its state is only touched by its own methods, one at a time, and never by two accesses that
/// overlap: the per-row properties skip Swift's run-time exclusivity checks, which cost more than
/// splitting a line.
public final class CSVReader {
    public let path: String
    private let descriptor: Int32
    private var parser = csv_parser()
    @exclusivity(unchecked) private var chunk: [UInt8]
    /// How much one `read` asks for.
    private let readSize: Int
    @exclusivity(unchecked) private var carry: [UInt8] = []
    /// The records read but not yet returned, and the fields of a record being read, as bytes:
    /// the fields end to end in `fieldBytes`, where each ends in `fieldEnds`, and for each
    /// record its first field, its field count, its line, and which columns it skips.
    @exclusivity(unchecked) private var fieldBytes: [UInt8] = []
    @exclusivity(unchecked) private var fieldEnds: [Int] = []
    @exclusivity(unchecked) private var records: [(firstField: Int, fieldCount: Int, line: Int, skipped: [Bool])] = []
    @exclusivity(unchecked) private var nextRecord = 0
    /// The first field of the record being read.
    @exclusivity(unchecked) private var recordFirstField = 0
    @exclusivity(unchecked) private var line = 0
    @exclusivity(unchecked) private var recordStartLine = 1
    private var finished = false
    private var isFirstChunk = true
    /// The unread part of the last chunk read: `chunk[chunkStart..<chunkEnd]`.
    @exclusivity(unchecked) private var chunkStart = 0
    @exclusivity(unchecked) private var chunkEnd = 0
    /// Columns whose text is not needed: they read as "" without building a string.
    private var skipped: [Bool] = []
    /// How much of the file has been read, for progress bars.
    public private(set) var bytesRead = 0
    /// The file's size when it was opened.
    public let fileSize: Int

    public convenience init(path: String) throws(CSVError) {
        try self.init(path: path, readSize: 1 << 20)
    }

    /// A pipe may return less than a read asks for at any point, so tests and the fuzzer use tiny
    /// `readSize`s to make every read a short one.
    init(path: String, readSize: Int) throws(CSVError) {
        self.path = path
        self.readSize = max(1, readSize)
        self.chunk = [UInt8](repeating: 0, count: max(self.readSize, Self.sniffLength + Self.byteOrderMark.count))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue { throw .folder(path: path) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        self.fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        csv_init(&parser, 0)
        // RFC 4180 keeps spaces inside fields; libcsv trims them unless told otherwise.
        csv_set_space_func(&parser) { _ in 0 }
    }

    deinit {
        csv_free(&parser)
        close(descriptor)
    }

    /// Reads only these columns (positions from the header) from now on; the others read as "".
    /// An importer that needs 8 of 15 columns saves building the other strings for every row.
    public func readOnly(columns: [Int]) {
        let count = (columns.max() ?? -1) + 1
        skipped = [Bool](repeating: true, count: max(count, 0))
        for column in columns where column >= 0 { skipped[column] = false }
        // Columns past the last one wanted are skipped too.
        skipped.append(true)
    }

    /// The next record, or nil at the end of the file.
    public func next() throws(CSVError) -> CSVRecord? {
        guard try advance() else { return nil }
        return withCurrentRecord { fields, skipped in
            var strings: [String] = []
            strings.reserveCapacity(fields.count)
            for index in 0..<fields.count {
                if !skipped.isEmpty && skipped[min(index, skipped.count - 1)] {
                    strings.append("")
                } else {
                    strings.append(fields.string(index))
                }
            }
            return CSVRecord(fields: strings, line: fields.line)
        }
    }

    /// Hands the next record's fields to `body` as bytes and returns what it returns, or nil at the
    /// end of the file. The bytes are only valid inside `body`.
    func nextFields<T>(_ body: (CSVFields) throws -> T) throws -> T? {
        guard try advance() else { return nil }
        return try withCurrentRecord { fields, _ in try body(fields) }
    }

    /// Moves to the next record, reading more of the file when none is left; false at its end.
    private func advance() throws(CSVError) -> Bool {
        if nextRecord >= records.count {
            discardReturnedRecords()
            while records.isEmpty {
                if finished { return false }
                try fill()
            }
        }
        nextRecord += 1
        return true
    }

    /// The fields of the record ``advance()`` moved to, and the columns it skips.
    private func withCurrentRecord<T>(_ body: (CSVFields, [Bool]) throws -> T) rethrows -> T {
        let record = records[nextRecord - 1]
        let end = record.firstField + record.fieldCount
        let start = record.firstField == 0 ? 0 : fieldEnds[record.firstField - 1]
        return try fieldBytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                let recordEnds = UnsafeBufferPointer(rebasing: ends[record.firstField..<end])
                let recordBytes = UnsafeBufferPointer(rebasing: bytes[start..<(end > record.firstField ? ends[end - 1] : start)])
                if start == 0 {
                    return try body(CSVFields(bytes: recordBytes, ends: recordEnds, line: record.line), record.skipped)
                }
                // A record after another read from the same lines: its ends rebased to start at 0.
                let shifted = recordEnds.map { $0 - start }
                return try shifted.withUnsafeBufferPointer { shifted in
                    try body(CSVFields(bytes: recordBytes, ends: shifted, line: record.line), record.skipped)
                }
            }
        }
    }

    /// Drops the records already returned, keeping the fields of one still being read.
    private func discardReturnedRecords() {
        let keepBytesFrom = recordFirstField == 0 ? 0 : fieldEnds[recordFirstField - 1]
        if recordFirstField == fieldEnds.count {
            fieldBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
        } else if recordFirstField > 0 {
            fieldBytes.removeSubrange(0..<keepBytesFrom)
            fieldEnds.removeSubrange(0..<recordFirstField)
            for index in fieldEnds.indices { fieldEnds[index] -= keepBytesFrom }
        }
        recordFirstField = 0
        records.removeAll(keepingCapacity: true)
        nextRecord = 0
    }

    /// Reads lines until a record is complete or the file ends, so that ``readOnly(columns:)``
    /// applies from the record after the one just returned.
    private func fill() throws(CSVError) {
        while records.isEmpty && !finished {
            if chunkStart >= chunkEnd {
                try readChunk()
                continue
            }
            guard let newline = chunk[chunkStart..<chunkEnd].firstIndex(of: 0x0A) else {
                // An unfinished last line: keep it for the next chunk.
                carry.append(contentsOf: chunk[chunkStart..<chunkEnd])
                chunkStart = chunkEnd
                continue
            }
            if carry.isEmpty {
                feed(chunk[chunkStart...newline])
            } else {
                carry.append(contentsOf: chunk[chunkStart...newline])
                feed(carry[...])
                carry.removeAll(keepingCapacity: true)
            }
            chunkStart = newline + 1
        }
    }

    /// How much of the start of a file decides whether it is text.
    static let sniffLength = 8192
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func readChunk() throws(CSVError) {
        var count = try readBytes(at: 0)
        let isFirst = isFirstChunk
        if isFirst {
            // The byte-order mark and the binary check look at the same first 8 KiB however few
            // bytes each read returns: a pipe may hand them over a few at a time.
            isFirstChunk = false
            while count > 0, count < Self.sniffLength + Self.byteOrderMark.count {
                let more = try readBytes(at: count)
                if more == 0 { break }
                count += more
            }
        }
        if count == 0 {
            if !carry.isEmpty { feed(carry[...]) }
            carry.removeAll()
            let context = Unmanaged.passUnretained(self).toOpaque()
            csv_fini(&parser, CSVReader.fieldCallback, CSVReader.recordCallback, context)
            finished = true
            return
        }
        (chunkStart, chunkEnd) = (0, count)
        if isFirst {
            if chunk[0..<count].starts(with: Self.byteOrderMark) { chunkStart = Self.byteOrderMark.count }
            if chunk[chunkStart..<min(count, chunkStart + Self.sniffLength)].contains(0) { throw .binary(path: path) }
        }
    }

    /// Reads at most `readSize` bytes into `chunk` at `offset`; 0 at the end of the file.
    private func readBytes(at offset: Int) throws(CSVError) -> Int {
        let count = chunk.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress.map { $0 + offset }, min(readSize, buffer.count - offset))
        }
        if count < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        bytesRead += count
        return count
    }

    /// libcsv's state between records (`ROW_NOT_BEGUN` in libcsv.c).
    private static let rowNotBegun: Int32 = 0

    private func feed(_ lineBytes: ArraySlice<UInt8>) {
        line += 1
        if parser.pstate == Self.rowNotBegun && lineBytes.withUnsafeBufferPointer({ split($0) }) { return }
        let context = Unmanaged.passUnretained(self).toOpaque()
        lineBytes.withUnsafeBytes { raw in
            _ = csv_parse(&parser, raw.baseAddress, raw.count, CSVReader.fieldCallback, CSVReader.recordCallback, context)
        }
    }

    /// Splits a line that holds no quote and no carriage return but for a final CRLF at its commas,
    /// as libcsv would: an empty line is no record, and a final comma ends an empty field. Returns
    /// false, having read nothing, for any other line.
    private func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
        let content = UnsafeBufferPointer(rebasing: bytes[0..<end])
        guard let start = content.baseAddress, !content.isEmpty else { return true }
        // memchr is vectorised: a pass per byte sought costs less than one loop over every byte.
        // (The line holds no line feed but its last byte.)
        if memchr(start, Int32(UInt8(ascii: "\"")), content.count) != nil || memchr(start, 0x0D, content.count) != nil {
            return false
        }
        var offset = 0
        while let comma = memchr(start + offset, Int32(UInt8(ascii: ",")), content.count - offset) {
            let position = UnsafePointer<UInt8>(comma.assumingMemoryBound(to: UInt8.self)) - start
            fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: content[offset..<position]))
            fieldEnds.append(fieldBytes.count)
            offset = position + 1
        }
        fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: content[offset...]))
        fieldEnds.append(fieldBytes.count)
        endRecord()
        return true
    }

    /// Closes the record whose fields were read since the last one closed.
    private func endRecord() {
        records.append((recordFirstField, fieldEnds.count - recordFirstField, recordStartLine, skipped))
        recordFirstField = fieldEnds.count
        recordStartLine = line + 1
    }

    private static let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { bytes, count, context in
        guard let context else { return }
        let reader = Unmanaged<CSVReader>.fromOpaque(context).takeUnretainedValue()
        if let bytes, count > 0 {
            reader.fieldBytes.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
        }
        reader.fieldEnds.append(reader.fieldBytes.count)
    }

    private static let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        guard let context else { return }
        Unmanaged<CSVReader>.fromOpaque(context).takeUnretainedValue().endRecord()
    }
}

/// A header row, for finding columns by name.
public struct CSVHeader: Sendable {
    public let names: [String]
    private let positions: [String: Int]

    public init(_ names: [String]) {
        self.names = names.map { $0.trimmingCharacters(in: .whitespaces) }
        var positions: [String: Int] = [:]
        for (index, name) in self.names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = index
        }
        self.positions = positions
    }

    public func index(of name: String) -> Int? { positions[name.lowercased()] }

    /// The positions of `required` columns, or an error naming the missing ones.
    public func require(_ required: [String], path: String) throws(CSVError) -> [Int] {
        let missing = required.filter { index(of: $0) == nil }
        if !missing.isEmpty { throw .missingColumns(path: path, columns: missing, found: names) }
        return required.compactMap { index(of: $0) }
    }
}
