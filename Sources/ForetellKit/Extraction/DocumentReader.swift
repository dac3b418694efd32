import Foundation

/// Finds the documents named on the command line and reads each one as text.
///
/// Files are listed first and read one at a time, so a folder of many large documents is never all
/// in memory at once. Folders are walked recursively in sorted order (so output is stable), taking
/// `.txt`, `.md` and `.markdown` files and skipping hidden entries. A file named explicitly is read
/// whatever its extension. Problems with files found inside a folder (dangling links, binary data)
/// become warnings so one bad file does not stop the rest; problems with a path the person typed
/// are errors.
public enum DocumentReader {
    /// Larger documents are refused rather than risking minutes of work on what is almost surely
    /// not prose (a log, a dump). Every extraction step is linear, so this is about memory.
    public static let sizeLimit = 64 * 1_048_576
    public static let documentExtensions: Set<String> = ["txt", "md", "markdown"]

    public struct Listing: Equatable {
        public var files: [String] = []
        public var warnings: [String] = []
    }

    /// The documents under the given paths, each path spelled as given (joined with the folder for
    /// files found inside one).
    public static func list(_ paths: [String], fileManager: FileManager = .default) throws(DocumentError) -> Listing {
        var listing = Listing()
        for path in paths {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .notFound(path: path)
            }
            if isFolder.boolValue {
                let before = listing.files.count
                var visited: Set<String> = []
                walk(path, into: &listing, visited: &visited, fileManager: fileManager)
                if listing.files.count == before { throw .noDocuments(path: path) }
            } else {
                listing.files.append(path)
            }
        }
        return listing
    }

    private static func walk(_ folder: String, into listing: inout Listing, visited: inout Set<String>,
                             fileManager: FileManager) {
        // Symbolic links can make a folder contain itself; each real folder is walked once.
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder)
        } catch {
            listing.warnings.append("skipped folder \(folder): cannot list it")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isFolder: ObjCBool = false
            if !fileManager.fileExists(atPath: path, isDirectory: &isFolder) {
                listing.warnings.append("skipped \(path): a symbolic link to nothing")
                continue
            }
            if isFolder.boolValue {
                walk(path, into: &listing, visited: &visited, fileManager: fileManager)
            } else if documentExtensions.contains((name as NSString).pathExtension.lowercased()) {
                listing.files.append(path)
            }
        }
    }

    /// Reads one document. Invalid UTF-8 is replaced, never fatal; binary data and oversized files
    /// are refused with an error that names the file.
    public static func read(_ path: String, limit: Int = sizeLimit, fileManager: FileManager = .default) throws(DocumentError) -> String {
        // A regular file within the limit that opens and reads in full, the usual case, is read
        // with one stat, one open and one read; anything else takes the long way, which words the
        // errors.
        if let bytes = readRegularFile(path, limit: limit) {
            switch DocumentDecoding.decode(bytes) {
            case .text(let text): return text
            case .binary(let offset): throw .binary(path: path, offset: offset)
            }
        }
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else { throw .notFound(path: path) }
        guard !isFolder.boolValue else { throw .notAFileOrFolder(path: path) }
        // A device or pipe would block or never end: only regular files are documents.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = (try? fileManager.attributesOfItem(atPath: resolved)) ?? [:]
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw .notAFileOrFolder(path: path)
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > limit {
            throw .tooLarge(path: path, bytes: size.intValue, limit: limit)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw .unreadable(path: path, reason: fileManager.isReadableFile(atPath: path)
                ? "the read failed" : "permission denied")
        }
        guard data.count <= limit else { throw .tooLarge(path: path, bytes: data.count, limit: limit) }
        return try decodeText(data, path: path)
    }

    private static func decodeText(_ data: Data, path: String) throws(DocumentError) -> String {
        switch DocumentDecoding.decode(data) {
        case .text(let text): return text
        case .binary(let offset): throw .binary(path: path, offset: offset)
        }
    }

    /// The bytes of `path` when it is (or links to) a regular file of at most `limit` bytes that
    /// reads in full; nil in every other case, for the long way to explain.
    static func readRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size >= 0, size <= limit else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One byte more than the size: a file that grew since the stat goes the long way.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        let complete: Bool = bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            while filled < buffer.count {
                let got = systemRead(descriptor, base + filled, buffer.count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if got == 0 { return true }
                filled += got
            }
            return false
        }
        guard complete, filled == size else { return nil }
        bytes.removeLast()
        return bytes
    }
}

/// The C library's `read`, which `DocumentReader.read` hides inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
