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

        mutating func add(_ text: String?) {
            guard let text else { bytes.append(UInt8(ascii: "-")); return }
            bytes.append(contentsOf: String(text.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: text.utf8)
        }

        mutating func add(_ number: Int64?) { add(number.map { String($0) }) }

        mutating func add(_ number: Double?) { add(number.map { String($0) }) }
    }

    static func question(id: Int64, claim: String, deadline: String?, earliest: String?, openedAtMs: Int64,
                         externalRef: String?, recordedAt: String, tags: [String]) -> [UInt8] {
        var builder = Builder()
        builder.add(id)
        builder.add(claim)
        builder.add(deadline)
        builder.add(earliest)
        builder.add(openedAtMs)
        builder.add(externalRef)
        builder.add(recordedAt)
        for tag in tags.sorted() { builder.add(tag) }
        return builder.bytes
    }

    static func forecast(id: Int64, questionID: Int64, owner: String, probability: Double, low: Double?,
                         high: Double?, basis: String, madeOn: String, madeAtMs: Int64, note: String?,
                         externalRef: String?, recordedAt: String, backfilled: Bool = false) -> [UInt8] {
        var builder = Builder()
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
        return builder.bytes
    }

    static func resolution(id: Int64, questionID: Int64, outcome: String, resolvedOn: String, resolvedAtMs: Int64,
                           note: String?, recordedAt: String) -> [UInt8] {
        var builder = Builder()
        builder.add(id)
        builder.add(questionID)
        builder.add(outcome)
        builder.add(resolvedOn)
        builder.add(resolvedAtMs)
        builder.add(note)
        builder.add(recordedAt)
        return builder.bytes
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

    /// SHA-256(previous ‖ kind ‖ 0 ‖ content).
    static func chain(previous: [UInt8], kind: JournalKind, content: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: kind.tag)
        hasher.update(data: content)
        return Array(hasher.finalize())
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
