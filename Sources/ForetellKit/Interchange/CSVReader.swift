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

/// Streams the records of a CSV file through libcsv, an RFC 4180 parser: quoted fields may hold
/// commas, quotes and newlines. The file is read in 1 MiB chunks and fed a line at a time, so each
/// record knows the line it starts on; a byte-order mark is skipped and invalid UTF-8 is replaced.
public final class CSVReader {
    public let path: String
    private let descriptor: Int32
    private var parser = csv_parser()
    private var chunk: [UInt8]
    /// How much one `read` asks for.
    private let readSize: Int
    /// The start of a line whose end is in a chunk not read yet.
    private var carry: [UInt8] = []
    /// The records read but not yet returned, oldest first from `nextRecord`.
    private var records: [CSVRecord] = []
    private var nextRecord = 0
    /// The fields of the record being read.
    private var fields: [String] = []
    private var line = 0
    private var recordStartLine = 1
    private var finished = false
    private var isFirstChunk = true
    /// The unread part of the last chunk read: `chunk[chunkStart..<chunkEnd]`.
    private var chunkStart = 0
    private var chunkEnd = 0
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
        if nextRecord >= records.count {
            records.removeAll(keepingCapacity: true)
            nextRecord = 0
            while records.isEmpty {
                if finished { return nil }
                try fill()
            }
        }
        nextRecord += 1
        return records[nextRecord - 1]
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

    private func feed(_ lineBytes: ArraySlice<UInt8>) {
        line += 1
        let context = Unmanaged.passUnretained(self).toOpaque()
        lineBytes.withUnsafeBytes { raw in
            _ = csv_parse(&parser, raw.baseAddress, raw.count, CSVReader.fieldCallback, CSVReader.recordCallback, context)
        }
    }

    private static let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { bytes, count, context in
        guard let context else { return }
        let reader = Unmanaged<CSVReader>.fromOpaque(context).takeUnretainedValue()
        let column = reader.fields.count
        if let bytes, count > 0, reader.skipped.isEmpty || !reader.skipped[min(column, reader.skipped.count - 1)] {
            // Typed as UInt8: String's fast path for contiguous UTF-8 (a raw buffer took 20 times longer).
            reader.fields.append(String(decoding: UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self), count: count),
                                        as: UTF8.self))
        } else {
            reader.fields.append("")
        }
    }

    /// Closes the record whose fields were read since the last one closed.
    private static let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        guard let context else { return }
        let reader = Unmanaged<CSVReader>.fromOpaque(context).takeUnretainedValue()
        reader.records.append(CSVRecord(fields: reader.fields, line: reader.recordStartLine))
        reader.fields.removeAll(keepingCapacity: true)
        reader.recordStartLine = reader.line + 1
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
