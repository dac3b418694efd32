import Foundation

/// Which extractor reads the documents: the rules (offline, the default), a language model the
/// user already runs, or both merged.
public enum ExtractionEngine: String, CaseIterable, Sendable {
    case rules, llm, both
}

/// Where the model is and how to talk to it, resolved the way the OpenAI-compatible tools people
/// already use resolve it (`llm`, aichat, fabric): a flag, else foretell's variable, else the
/// OpenAI SDK's variable, else Ollama's local address.
///
/// The API key is kept only in memory for the request's `Authorization` header: it is never part
/// of a description, an error, the cache key or the ledger.
public struct LanguageModelSettings: Sendable {
    /// Ollama's OpenAI-compatible endpoint: the server most people run locally.
    public static let defaultBaseURL = "http://localhost:11434/v1"

    public var baseURL: URL
    public var model: String
    var apiKey: String?
    /// Seconds to wait for one answer. Small local models on a laptop CPU take a minute or two
    /// for a long chunk; a server that has not answered in three has stalled.
    public var timeout: TimeInterval
    /// Further attempts after a 5xx, a 429 or a dropped connection, a second apart, then two.
    public var retries: Int
    /// The folder answers are cached in; nil with `--no-cache`.
    public var cacheFolder: URL?
    /// How the answer's JSON is asked for first: "schema" (a `response_format` JSON schema, then
    /// plainer on refusal), "json" (JSON mode) or "none" (the prompt alone). Servers that enforce
    /// a schema by grammar sample slowly with a large vocabulary (llama.cpp with Gemma's 262k
    /// tokens): `FORETELL_LLM_RESPONSE_FORMAT=none` trades that for the checks alone.
    public var responseFormat = "schema"
    /// The longest answer asked for (`max_tokens`): a chunk holds a handful of forecasts, and a
    /// small model that repeats itself would otherwise write until its context is full.
    public var maxAnswerTokens = 1_200

    public var hasAPIKey: Bool { apiKey != nil }

    public init(baseURL: URL, model: String, apiKey: String?, timeout: TimeInterval = 180, retries: Int = 2,
                cacheFolder: URL?) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.retries = retries
        self.cacheFolder = cacheFolder
    }

    /// Settings from flags (nil when not given) and the environment. Throws a usage error for a
    /// URL that is not http(s) or a missing model name.
    public static func resolve(url: String?, model: String?, noCache: Bool,
                               environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(LanguageModelError) -> LanguageModelSettings
    {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        let urlText = url ?? value("FORETELL_LLM_URL") ?? value("OPENAI_BASE_URL") ?? defaultBaseURL
        guard let baseURL = URL(string: urlText), let scheme = baseURL.scheme?.lowercased(),
              scheme == "http" || scheme == "https", baseURL.host != nil
        else { throw .badURL(urlText) }
        guard let model = model ?? value("FORETELL_LLM_MODEL") else { throw .noModel }
        let timeout = value("FORETELL_LLM_TIMEOUT").flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil } ?? 180
        let retries = value("FORETELL_LLM_RETRIES").flatMap(Int.init).map { max(0, min($0, 5)) } ?? 2
        var settings = LanguageModelSettings(
            baseURL: baseURL, model: model, apiKey: value("FORETELL_LLM_API_KEY") ?? value("OPENAI_API_KEY"),
            timeout: timeout, retries: retries, cacheFolder: noCache ? nil : cacheFolder(environment))
        if let tokens = value("FORETELL_LLM_MAX_TOKENS").flatMap(Int.init), tokens > 0 {
            settings.maxAnswerTokens = min(tokens, 32_768)
        }
        if let format = value("FORETELL_LLM_RESPONSE_FORMAT")?.lowercased() {
            guard ["schema", "json", "none"].contains(format) else { throw .badResponseFormat(format) }
            settings.responseFormat = format
        }
        return settings
    }

    /// `$XDG_CACHE_HOME/foretell`, else `~/.cache/foretell`, as the XDG base directory spec says.
    static func cacheFolder(_ environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("foretell")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/foretell")
    }

    /// `{base}/chat/completions`, whether or not the base ends with a slash.
    var completionsURL: URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + "/chat/completions") ?? baseURL
    }
}

/// Descriptions and mirrors leave the key out, so that no `print`, `dump` or log of the settings
/// can show it.
extension LanguageModelSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "\(baseURL.absoluteString) model \(model)" + (apiKey == nil ? "" : " (with an API key)")
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "model": model, "hasAPIKey": hasAPIKey, "timeout": timeout,
                                "retries": retries, "cacheFolder": cacheFolder as Any])
    }
}
