import Crypto
import GRDB

/// The tamper-evident journal: entry n's hash is SHA-256(hash of entry n-1 ‖ kind ‖ content of the
/// event), like a Certificate Transparency log or git. The content is rebuilt from the ledger's
/// rows when verifying, so editing a row, deleting or reordering entries, or inserting rows behind
/// foretell's back all show up as the first entry that no longer matches.
public enum JournalKind: String, Sendable, CaseIterable {
    case question, forecast, resolution, source

    /// The kind's name and a 0 byte, as the hash chain takes it.
    var tag: [UInt8] {
        switch self {
        case .question: return Self.questionTag
        case .forecast: return Self.forecastTag
        case .resolution: return Self.resolutionTag
        case .source: return Self.sourceTag
        }
    }

    private static let questionTag = Array("question".utf8) + [0]
    private static let forecastTag = Array("forecast".utf8) + [0]
    private static let resolutionTag = Array("resolution".utf8) + [0]
    private static let sourceTag = Array("source".utf8) + [0]
}

/// The canonical bytes of an event. Each field is length-prefixed so that no text inside a field
/// can imitate a field boundary; nil is `-`. The writer and the verifier both call these.
enum JournalContent {
    struct Builder {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(256) }

        /// Starts empty in `buffer`'s storage, which ``finish(into:)`` hands back: a writer that
        /// records a million events then allocates one buffer, not a million.
        init(reusing buffer: inout [UInt8]) {
            swap(&bytes, &buffer)
            bytes.removeAll(keepingCapacity: true)
        }

        /// Gives the storage back to `buffer` for the next event.
        mutating func finish(into buffer: inout [UInt8]) { swap(&bytes, &buffer) }

        mutating func add(_ text: String?) {
            guard var text else { bytes.append(UInt8(ascii: "-")); return }
            text.withUTF8 { utf8 in
                appendDigits(UInt64(utf8.count))
                bytes.append(UInt8(ascii: ":"))
                bytes.append(contentsOf: utf8)
            }
        }

        /// The same bytes as `add(String(number))`, without making the string.
        mutating func add(_ number: Int64?) {
            guard let number else { bytes.append(UInt8(ascii: "-")); return }
            var width = number < 0 ? 2 : 1
            var rest = number.magnitude
            while rest >= 10 { rest /= 10; width += 1 }
            appendDigits(UInt64(width))
            bytes.append(UInt8(ascii: ":"))
            if number < 0 { bytes.append(UInt8(ascii: "-")) }
            appendDigits(number.magnitude)
        }

        mutating func add(_ number: Double?) { add(number.map { String($0) }) }

        /// The decimal digits of `value`, written right to left into a buffer on the stack and
        /// appended at once.
        private mutating func appendDigits(_ value: UInt64) {
            if value < 10 {
                bytes.append(UInt8(ascii: "0") + UInt8(value))
                return
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var value = value
                var index = digits.count
                repeat {
                    index -= 1
                    digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                } while value > 0 && index > 0
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
            }
        }
    }

    static func question(id: Int64, claim: String, deadline: String?, earliest: String?, openedAtMs: Int64,
                         externalRef: String?, recordedAt: String, tags: [String]) -> [UInt8] {
        var builder = Builder()
        question(into: &builder, id: id, claim: claim, deadline: deadline, earliest: earliest, openedAtMs: openedAtMs,
                 externalRef: externalRef, recordedAt: recordedAt, tags: tags)
        return builder.bytes
    }

    /// ``question(id:claim:deadline:earliest:openedAtMs:externalRef:recordedAt:tags:)`` into a builder;
    /// `sortedTags` says the tags are sorted already (the writer sorts them to insert them).
    static func question(into builder: inout Builder, id: Int64, claim: String, deadline: String?, earliest: String?,
                         openedAtMs: Int64, externalRef: String?, recordedAt: String, tags: [String],
                         sortedTags: Bool = false) {
        builder.add(id)
        builder.add(claim)
        builder.add(deadline)
        builder.add(earliest)
        builder.add(openedAtMs)
        builder.add(externalRef)
        builder.add(recordedAt)
        for tag in sortedTags ? tags : tags.sorted() { builder.add(tag) }
    }

    static func forecast(id: Int64, questionID: Int64, owner: String, probability: Double, low: Double?,
                         high: Double?, basis: String, madeOn: String, madeAtMs: Int64, note: String?,
                         externalRef: String?, recordedAt: String, backfilled: Bool = false) -> [UInt8] {
        var builder = Builder()
        forecast(into: &builder, id: id, questionID: questionID, owner: owner, probability: probability, low: low,
                 high: high, basis: basis, madeOn: madeOn, madeAtMs: madeAtMs, note: note, externalRef: externalRef,
                 recordedAt: recordedAt, backfilled: backfilled)
        return builder.bytes
    }

    static func forecast(into builder: inout Builder, id: Int64, questionID: Int64, owner: String, probability: Double,
                         low: Double?, high: Double?, basis: String, madeOn: String, madeAtMs: Int64, note: String?,
                         externalRef: String?, recordedAt: String, backfilled: Bool = false) {
        builder.add(id)
        builder.add(questionID)
        builder.add(owner)
        builder.add(probability)
        builder.add(low)
        builder.add(high)
        builder.add(basis)
        builder.add(madeOn)
        builder.add(madeAtMs)
        builder.add(note)
        builder.add(externalRef)
        builder.add(recordedAt)
        // Only a backfilled forecast has a thirteenth field, so every entry recorded before the
        // mark existed hashes as it did.
        if backfilled { builder.add("backfilled") }
    }

    static func resolution(id: Int64, questionID: Int64, outcome: String, resolvedOn: String, resolvedAtMs: Int64,
                           note: String?, recordedAt: String) -> [UInt8] {
        var builder = Builder()
        resolution(into: &builder, id: id, questionID: questionID, outcome: outcome, resolvedOn: resolvedOn,
                   resolvedAtMs: resolvedAtMs, note: note, recordedAt: recordedAt)
        return builder.bytes
    }

    static func resolution(into builder: inout Builder, id: Int64, questionID: Int64, outcome: String, resolvedOn: String,
                           resolvedAtMs: Int64, note: String?, recordedAt: String) {
        builder.add(id)
        builder.add(questionID)
        builder.add(outcome)
        builder.add(resolvedOn)
        builder.add(resolvedAtMs)
        builder.add(note)
        builder.add(recordedAt)
    }

    static func source(forecastID: Int64, documentPath: String, sha256: String?, quote: String, line: Int64?) -> [UInt8] {
        var builder = Builder()
        builder.add(forecastID)
        builder.add(documentPath)
        builder.add(sha256)
        builder.add(quote)
        builder.add(line)
        return builder.bytes
    }

    /// SHA-256(previous ‖ kind ‖ 0 ‖ content), hashed piece by piece rather than copied into one
    /// message first: the same digest, without a copy and an allocation per event.
    static func chain(previous: [UInt8], kind: JournalKind, content: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: kind.tag)
        hasher.update(data: content)
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }

    /// ``chain(previous:kind:content:)`` written over `head` in place, which a writer does once
    /// per event: no array is allocated for the new hash.
    static func advance(_ head: inout [UInt8], kind: JournalKind, content: [UInt8]) {
        var hasher = SHA256()
        hasher.update(data: head)
        hasher.update(data: kind.tag)
        hasher.update(data: content)
        let digest = hasher.finalize()
        digest.withUnsafeBytes { digest in
            if head.count == digest.count {
                head.withUnsafeMutableBytes { $0.copyMemory(from: digest) }
            } else {
                head = Array(digest)
            }
        }
    }

    static let genesis = [UInt8](repeating: 0, count: 32)
}

extension Array where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
