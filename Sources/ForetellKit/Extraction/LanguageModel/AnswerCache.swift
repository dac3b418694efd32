import Crypto
import Foundation

/// The model's answers on disk, one file per chunk, so that extracting or importing the same
/// document again asks the server nothing.
///
/// The key is the SHA-256 of the document's hash, the model, the prompt's version and the chunk
/// (its number and its text's hash): a new model, a new prompt or an edited document asks again.
/// Only answers that were read as JSON are kept, so a garbled one is asked again next time. No
/// key or URL is written. A cache that cannot be written is no error: the answer is just not kept.
struct AnswerCache {
    let folder: URL?

    init(settings: LanguageModelSettings) {
        folder = settings.cacheFolder?.appendingPathComponent("llm", isDirectory: true)
    }

    static func key(documentHash: String, model: String, chunk: DocumentChunk) -> String {
        let chunkHash = Array(SHA256.hash(data: Array(chunk.text.utf8))).hexString
        let material = [documentHash, model, LanguageModelPrompt.version, String(chunk.index), chunkHash].joined(separator: "\n")
        return Array(SHA256.hash(data: Array(material.utf8))).hexString
    }

    func read(_ key: String) -> String? {
        guard let file = folder?.appendingPathComponent(key + ".json"),
              let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    func write(_ key: String, content: String) {
        guard let folder else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written whole or not at all: a half-written answer would be read as a malformed one.
        try? Data(content.utf8).write(to: folder.appendingPathComponent(key + ".json"), options: .atomic)
    }
}
