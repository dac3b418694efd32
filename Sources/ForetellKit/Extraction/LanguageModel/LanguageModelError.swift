import Foundation

/// What can go wrong talking to a language model server, each said in one line with what to do.
/// None of them ever includes the API key.
public enum LanguageModelError: ReportableError, Equatable {
    case badURL(String)
    case badResponseFormat(String)
    case noModel
    case noServer(url: String, reason: String)
    case unknownModel(model: String, url: String)
    case unauthorized(url: String, hadKey: Bool)
    case timedOut(url: String, seconds: Int)
    case serverError(url: String, status: Int, message: String)
    case refused(url: String, status: Int, message: String)
    case malformedAnswer(String)

    public var isUsageError: Bool {
        switch self {
        case .badURL, .badResponseFormat, .noModel: return true
        default: return false
        }
    }

    /// Whether the next chunk may fare better: a slow or failing answer, or a garbled one. No
    /// server, a wrong key or an unknown model fail every chunk the same way.
    public var isPerChunk: Bool {
        switch self {
        case .timedOut, .serverError, .malformedAnswer: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .badURL(let text):
            return "the language model URL \(text) is not an http(s) URL: give --llm-url like http://localhost:11434/v1"
        case .badResponseFormat(let text):
            return "FORETELL_LLM_RESPONSE_FORMAT is \(text): give schema, json or none"
        case .noModel:
            return "no language model named: give --llm-model NAME or set FORETELL_LLM_MODEL (for Ollama, e.g. llama3.2)"
        case let .noServer(url, reason):
            return "no language model server answers at \(url) (\(reason)): start one (e.g. 'ollama serve') or give --llm-url"
        case let .unknownModel(model, url):
            return "the server at \(url) has no model '\(model)': list its models (GET /v1/models) and give --llm-model"
        case let .unauthorized(url, hadKey):
            return hadKey
                ? "the server at \(url) did not accept the API key (401): check FORETELL_LLM_API_KEY or OPENAI_API_KEY"
                : "the server at \(url) wants an API key (401): set FORETELL_LLM_API_KEY or OPENAI_API_KEY"
        case let .timedOut(url, seconds):
            return "the server at \(url) did not answer within \(seconds) s (set FORETELL_LLM_TIMEOUT to wait longer)"
        case let .serverError(url, status, message):
            return "the server at \(url) failed (HTTP \(status))\(message.isEmpty ? "" : ": " + message)"
        case let .refused(url, status, message):
            return "the server at \(url) refused the request (HTTP \(status))\(message.isEmpty ? "" : ": " + message)"
        case .malformedAnswer(let detail):
            return "the model's answer is not the JSON asked for: \(detail)"
        }
    }
}
