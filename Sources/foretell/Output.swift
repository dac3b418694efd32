#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ForetellKit

/// Where commands print: data to stdout, problems and progress to stderr.
///
/// Straight to the file descriptors: setting up Foundation's FileHandle took a tenth of an `add`.
/// A write to standard output that fails (a full disk, `/dev/full`) is remembered, and `main`
/// reports it and exits 1: a script must not take a truncated report for a whole one. A reader
/// that went away (a closed pipe, `| head`) ends the process quietly through SIGPIPE, as for any
/// Unix filter.
enum Output {
    /// The first failed write to standard output: its errno.
    nonisolated(unsafe) private(set) static var stdoutFailure: Int32?

    static func out(_ text: String) {
        if let error = send(text, to: STDOUT_FILENO), error != EPIPE, stdoutFailure == nil { stdoutFailure = error }
    }

    static func err(_ text: String) { _ = send(text, to: STDERR_FILENO) }

    /// A message of foretell's, `foretell: ` and the text made safe for a terminal: messages quote
    /// file names, owners and values from files, which may hold control characters.
    static func problem(_ text: String) {
        err("foretell: " + TerminalText.safe(text, keepingLineBreaks: true) + "\n")
    }

    /// Writes all of `text`; returns errno when the descriptor refused it.
    static func send(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Why a write failed, in words.
    static func reason(_ error: Int32) -> String { String(cString: strerror(error)) }
}
