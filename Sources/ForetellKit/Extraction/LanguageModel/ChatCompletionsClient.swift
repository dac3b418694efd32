import Foundation
#if canImport(FoundationNetworking)
// URLSession lives here on Linux. It comes with the toolchain, so talking HTTP costs no new
// package and no build time (async-http-client would add minutes of SwiftNIO to every build).
import FoundationNetworking
#endif

/// Talks to an OpenAI-compatible `POST {base}/chat/completions` (Ollama, llama.cpp's server,
/// vLLM, hosted APIs) and hands back the assistant's text.
///
/// It asks for JSON with a `response_format` JSON schema first; a server that refuses schemas
/// (HTTP 400/422 naming the format) is asked again in plain JSON mode, and one that refuses that
/// too with no format at all, the prompt alone asking for JSON. The mode that worked is kept for
/// the following chunks. Synchronous: the commands run one request at a time, and a local model
/// serves one at a time anyway.
final class ChatCompletionsClient {
    enum Format: Int { case schema, jsonObject, plain }

    let settings: LanguageModelSettings
    private(set) var format: Format = .schema
    private let session: URLSession
    /// How long to wait before each retry, in seconds.
    var backoff: [Double] = [1, 2, 4, 8, 16]

    init(settings: LanguageModelSettings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.timeout
        configuration.timeoutIntervalForResource = settings.timeout
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
        format = ["json": .jsonObject, "none": .plain][settings.responseFormat] ?? .schema
    }

    deinit { session.finishTasksAndInvalidate() }

    /// The base URL as shown in messages: never with credentials that a URL might carry.
    var shownURL: String {
        guard var parts = URLComponents(url: settings.baseURL, resolvingAgainstBaseURL: false) else { return "the server" }
        parts.user = nil
        parts.password = nil
        return parts.string ?? "the server"
    }

    /// The assistant's text for a system and a user message.
    func complete(system: String, user: String, schema: JSONValue) throws(LanguageModelError) -> String {
        while true {
            do {
                return try attempt(system: system, user: user, schema: schema)
            } catch let error as SchemaRefusal {
                guard let next = Format(rawValue: format.rawValue + 1) else {
                    throw .refused(url: shownURL, status: error.status, message: error.message)
                }
                format = next
            } catch let error as LanguageModelError {
                throw error
            } catch {
                throw .malformedAnswer(String(describing: error))
            }
        }
    }

    private struct SchemaRefusal: Error {
        var status: Int
        var message: String
    }

    private func attempt(system: String, user: String, schema: JSONValue) throws -> String {
        var members: [(String, JSONValue)] = [
            ("model", .string(settings.model)),
            ("messages", .array([
                .object([("role", .string("system")), ("content", .string(system))]),
                .object([("role", .string("user")), ("content", .string(user))]),
            ])),
            // Extraction wants the most likely reading, not variety.
            ("temperature", .number(0)),
            ("max_tokens", .int(Int64(settings.maxAnswerTokens))),
            ("stream", .bool(false)),
        ]
        switch format {
        case .schema:
            members.append(("response_format", .object([
                ("type", .string("json_schema")),
                ("json_schema", .object([("name", .string("forecasts")), ("strict", .bool(true)), ("schema", schema)])),
            ])))
        case .jsonObject:
            // llama.cpp's server (llama-cpp-python) knows only json_object, and constrains its
            // output to a "schema" given beside it; servers that do not know the field ignore it.
            members.append(("response_format", .object([("type", .string("json_object")), ("schema", schema)])))
        case .plain:
            break
        }
        var request = URLRequest(url: settings.completionsURL, timeoutInterval: settings.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let key = settings.apiKey { request.setValue("Bearer " + key, forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(JSONValue.object(members).serialized().utf8)

        var attemptsLeft = settings.retries
        while true {
            let (data, status) = try send(request)
            switch status {
            case 200..<300:
                return try Self.content(of: data)
            case 401, 403:
                throw LanguageModelError.unauthorized(url: shownURL, hadKey: settings.apiKey != nil)
            case 404:
                let message = Self.errorMessage(data)
                if message.lowercased().contains("model") {
                    throw LanguageModelError.unknownModel(model: settings.model, url: shownURL)
                }
                throw LanguageModelError.refused(
                    url: shownURL, status: status,
                    message: "no /chat/completions there: an OpenAI-compatible base URL usually ends in /v1")
            case 400, 422, 501:
                let message = Self.errorMessage(data)
                let lowered = message.lowercased()
                if lowered.contains("model") && lowered.contains("not found") {
                    throw LanguageModelError.unknownModel(model: settings.model, url: shownURL)
                }
                // A server that does not know `json_schema` says so in its message, or says nothing
                // useful, which is read the same way: the plainer request then shows whether the
                // problem was elsewhere.
                guard format == .plain else { throw SchemaRefusal(status: status, message: message) }
                throw LanguageModelError.refused(url: shownURL, status: status, message: message)
            case 429, 500..<600:
                // llama-cpp-python answers a response_format it does not know with a 500 whose
                // message names the field: a refusal, not a failure worth trying again.
                let message = Self.errorMessage(data).lowercased()
                if format != .plain, message.contains("response_format") || message.contains("json_schema") {
                    throw SchemaRefusal(status: status, message: Self.errorMessage(data))
                }
                guard attemptsLeft > 0 else {
                    throw LanguageModelError.serverError(url: shownURL, status: status, message: Self.errorMessage(data))
                }
            default:
                throw LanguageModelError.refused(url: shownURL, status: status, message: Self.errorMessage(data))
            }
            Thread.sleep(forTimeInterval: backoff[min(settings.retries - attemptsLeft, backoff.count - 1)])
            attemptsLeft -= 1
        }
    }

    private final class Box: @unchecked Sendable {
        var data: Data?
        var response: URLResponse?
        var error: Error?
    }

    /// One exchange; a dropped connection is tried again, a refused one is no server.
    private func send(_ request: URLRequest) throws -> (Data, Int) {
        var dropsLeft = settings.retries
        while true {
            let box = Box()
            let done = DispatchSemaphore(value: 0)
            let task = session.dataTask(with: request) { data, response, error in
                box.data = data
                box.response = response
                box.error = error
                done.signal()
            }
            task.resume()
            done.wait()
            if let error = box.error {
                let code = (error as? URLError)?.code
                switch code {
                case .timedOut?:
                    throw LanguageModelError.timedOut(url: shownURL, seconds: Int(settings.timeout.rounded()))
                case .networkConnectionLost? where dropsLeft > 0:
                    dropsLeft -= 1
                    Thread.sleep(forTimeInterval: 1)
                    continue
                default:
                    throw LanguageModelError.noServer(url: shownURL, reason: Self.reason(error))
                }
            }
            let status = (box.response as? HTTPURLResponse)?.statusCode ?? 0
            return (box.data ?? Data(), status)
        }
    }

    private static func reason(_ error: Error) -> String {
        switch (error as? URLError)?.code {
        case .cannotConnectToHost?: return "connection refused"
        case .cannotFindHost?, .dnsLookupFailed?: return "unknown host"
        case .networkConnectionLost?: return "the connection dropped"
        case .secureConnectionFailed?, .serverCertificateUntrusted?: return "TLS failed"
        default: return (error as? URLError).map { "error \($0.code.rawValue)" } ?? "\(error)"
        }
    }

    /// The message of an OpenAI-style error body (`{"error": {"message": ...}}`, `{"error": "..."}`,
    /// `{"detail": ...}`), on one line and short.
    static func errorMessage(_ data: Data) -> String {
        var text = String(decoding: data.prefix(2000), as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                text = message
            } else if let message = object["error"] as? String {
                text = message
            } else if let detail = object["detail"] {
                text = String(describing: detail)
            }
        }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }

    /// `choices[0].message.content` of a chat completion.
    static func content(of data: Data) throws -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LanguageModelError.malformedAnswer("the server's reply is not JSON")
        }
        guard let choices = object["choices"] as? [[String: Any]], let first = choices.first,
              let message = first["message"] as? [String: Any]
        else { throw LanguageModelError.malformedAnswer("the reply has no choices[0].message") }
        if let content = message["content"] as? String { return content }
        if let refusal = message["refusal"] as? String {
            throw LanguageModelError.malformedAnswer("the model refused: \(refusal.prefix(120))")
        }
        throw LanguageModelError.malformedAnswer("the reply's message has no content")
    }
}
