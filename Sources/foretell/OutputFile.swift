#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ForetellKit

/// Where `--output` sends a command's text, without harming what is at the path.
///
/// - No path, or `-`: standard output.
/// - The ledger itself, or its `-wal`, `-shm` or `-journal` file (by any name: a symlink, a hard
///   link): refused, since replacing it would lose the ledger.
/// - A regular file (through symlinks, which stay symlinks) or a new one: written beside it and
///   renamed over it when complete, so that a failed write never leaves half a file; an existing
///   file keeps its permissions (and its owner, where the process may set it).
/// - Anything else (a FIFO, a terminal, `/dev/null`, `/dev/stdout`): written through, since
///   renaming over it would replace the device with a regular file.
///
/// Write errors (a full disk, `/dev/full`) are kept and thrown by ``close()``.
final class OutputFile {
    private enum Target {
        case standardOutput
        case through(descriptor: Int32)
        case replacing(descriptor: Int32, temporary: String, final: String)
    }

    private let path: String
    private var target: Target
    private var failure: Int32?
    private var closed = false

    /// `ledgerPath` is the ledger the command read, which the output must never replace.
    init(path: String?, ledgerPath: String) throws {
        self.path = path ?? "-"
        guard let path, path != "-" else {
            target = .standardOutput
            return
        }
        if let standard = Self.standardDescriptor(path) {
            target = .through(descriptor: standard)
            return
        }
        if Self.isLedgerFile(path, ledgerPath: ledgerPath) { throw OutputError.isTheLedger(path) }
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw OutputError.cannotWrite(path, reason: "it is a folder") }
            if kind != S_IFREG {
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                if descriptor < 0 { throw OutputError.cannotWrite(path, reason: Output.reason(errno)) }
                target = .through(descriptor: descriptor)
                return
            }
            // The file a symlink names is replaced, not the symlink.
            let final = Self.resolved(path) ?? path
            target = try Self.temporary(beside: final, mode: mode_t(info.st_mode & 0o7777), owner: (info.st_uid, info.st_gid),
                                        reportedAs: path)
        } else {
            target = try Self.temporary(beside: path, mode: 0o666, owner: nil, reportedAs: path)
        }
    }

    deinit {
        // A command that failed before close(): no half-written file is left beside the output.
        if !closed, case .replacing(let descriptor, let temporary, _) = target {
            _ = closeDescriptor(descriptor)
            unlink(temporary)
        }
    }

    func write(_ text: String) {
        guard failure == nil else { return }
        switch target {
        case .standardOutput: Output.out(text)
        case .through(let descriptor), .replacing(let descriptor, _, _):
            failure = Output.send(text, to: descriptor)
        }
    }

    /// Finishes the file: moves it into place, or reports why it could not be written (and then
    /// leaves what was at the path as it was).
    func close() throws {
        guard !closed else { return }
        closed = true
        switch target {
        case .standardOutput:
            break
        case .through(let descriptor):
            if descriptor > STDERR_FILENO, closeDescriptor(descriptor) != 0, failure == nil, errno != EINTR { failure = errno }
            if let failure { throw OutputError.cannotWrite(path, reason: Output.reason(failure)) }
        case .replacing(let descriptor, let temporary, let final):
            if failure == nil, fsync(descriptor) != 0 { failure = errno }
            if closeDescriptor(descriptor) != 0, failure == nil, errno != EINTR { failure = errno }
            if failure == nil, rename(temporary, final) != 0 { failure = errno }
            if let failure {
                unlink(temporary)
                throw OutputError.cannotWrite(path, reason: Output.reason(failure))
            }
        }
    }

    /// `/dev/stdout` and `/dev/stderr` (and their `/dev/fd`, `/proc/self/fd` names) are this
    /// process's own descriptors: written as they are, whatever the shell pointed them at.
    private static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": return STDOUT_FILENO
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": return STDERR_FILENO
        default: return nil
        }
    }

    /// A new file beside `final` (same folder, so the rename is atomic) with `mode`.
    private static func temporary(beside final: String, mode: mode_t, owner: (uid_t, gid_t)?,
                                  reportedAs path: String) throws -> Target {
        let slash = final.lastIndex(of: "/")
        let folder = slash.map { String(final[...$0]) } ?? ""
        let name = slash.map { String(final[final.index(after: $0)...]) } ?? final
        let temporary = folder + "." + name + ".foretell-\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 {
            let reason = errno == ENOENT ? "its folder does not exist" : Output.reason(errno)
            throw OutputError.cannotWrite(path, reason: reason)
        }
        if let owner {
            // An existing file keeps its mode exactly (open applied the umask) and, where the
            // process may (root), its owner.
            _ = fchmod(descriptor, mode)
            _ = fchown(descriptor, owner.0, owner.1)
        }
        return .replacing(descriptor: descriptor, temporary: temporary, final: final)
    }

    /// The path with every symlink resolved, or nil when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether `path` is the ledger or one of SQLite's files beside it: the same file (by device
    /// and inode) or, for files that do not exist yet, the same resolved name.
    static func isLedgerFile(_ path: String, ledgerPath: String) -> Bool {
        let companions = ["", "-wal", "-shm", "-journal"].map { ledgerPath + $0 }
        var output = stat()
        if stat(path, &output) == 0 {
            for companion in companions {
                var info = stat()
                if stat(companion, &info) == 0, info.st_dev == output.st_dev, info.st_ino == output.st_ino { return true }
            }
        }
        let name = absoluteName(path)
        return companions.contains { absoluteName($0) == name }
    }

    /// The resolved path, or for a file that does not exist, its resolved folder and its name.
    private static func absoluteName(_ path: String) -> String {
        if let full = resolved(path) { return full }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let base = resolved(folder) ?? folder
        return (base.hasSuffix("/") ? base : base + "/") + name
    }

    enum OutputError: ReportableError {
        case cannotWrite(String, reason: String)
        case isTheLedger(String)

        var isUsageError: Bool {
            if case .isTheLedger = self { return true }
            return false
        }

        var description: String {
            switch self {
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            case .isTheLedger(let path):
                return "--output \(path) is the ledger (or its -wal/-shm file): writing there would destroy it; choose another file"
            }
        }
    }
}

/// close(2), under a name the class's own `close()` does not hide.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
