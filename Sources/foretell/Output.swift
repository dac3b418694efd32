#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where commands print: data to stdout, problems and progress to stderr.
///
/// Straight to the file descriptors: setting up Foundation's FileHandle took a tenth of an `add`.
enum Output {
    static func out(_ text: String) { send(text, to: STDOUT_FILENO) }

    static func err(_ text: String) { send(text, to: STDERR_FILENO) }

    private static func send(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
