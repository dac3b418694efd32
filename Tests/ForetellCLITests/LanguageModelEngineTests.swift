import Foundation
import Testing

/// `--engine llm` and `--engine both` against a stand-in server on 127.0.0.1 that replays
/// recorded answers (`Fixtures/llm/`). The document is `Fixtures/llm/panel.md`: dated 2026-03-02
/// (front matter, and the forum "On March 2, 2026"), written by Dana Whitfield, with Maria
/// Okafor's 70% on line 11, Tomás Reyes's "unlikely" on line 13 and the author's "probably" on
/// line 15. Expected values are read off that text with the reference's rules: "by 2030" ends
/// 2030-12-31, "within ten years" of 2026-03-02 is 2036-03-02, "unlikely" is 20%, "probably" 75%.
@Suite("extract --engine llm", .serialized)
struct LanguageModelEngineTests {
    static let panel = Fixtures.path("llm/panel.md")

    func extract(_ model: String, _ server: FakeModelServer, _ scratch: CLI, extra: [String] = [],
                 environment: [String: String] = [:]) throws -> CLI.Result {
        try scratch.run(["extract", "--engine", "llm", "--llm-url", server.url, "--llm-model", model, "--format", "jsonl"]
                        + extra + [Self.panel], ledgerFlag: false, environment: environment, timeout: 60)
    }

    static func rows(_ result: CLI.Result) throws -> [[String: Any]] {
        try result.stdout.split(separator: "\n").map { try CLI.json(String($0)) as? [String: Any] ?? [:] }
    }

    @Test("a good answer: every field computed from the document's words")
    func goodAnswer() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("good", server, try CLI())
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rows = try Self.rows(result)
        #expect(rows.count == 3)
        guard rows.count == 3 else { return }
        #expect(rows[0]["owner"] as? String == "Maria Okafor")
        #expect(rows[0]["probability"] as? Double == 0.7)
        #expect(rows[0]["made_on"] as? String == "2026-03-02")
        #expect(rows[0]["deadline"] as? String == "2030-12-31")
        #expect(rows[0]["line"] as? Int == 11)
        // The document's words, with its curly apostrophe, not the model's straight one.
        #expect(rows[0]["quote"] as? String == "I think there is a 70% chance that solar will supply a quarter of Europe’s power by 2030.")
        #expect(rows[0]["engine"] as? String == "llm")
        #expect(rows[0]["model"] as? String == "good")
        #expect(rows[1]["owner"] as? String == "Tomás Reyes")
        #expect(rows[1]["probability"] as? Double == 0.2)
        #expect(rows[1]["basis"] as? String == "verbal")
        #expect(rows[1]["deadline"] as? String == "2036-03-02")
        #expect(rows[1]["line"] as? Int == 13)
        // "author" is the byline's name.
        #expect(rows[2]["owner"] as? String == "Dana Whitfield")
        #expect(rows[2]["probability"] as? Double == 0.75)
        #expect(rows[2]["deadline"] as? String == "2028-12-31")
        #expect(rows[2]["line"] as? Int == 15)
        #expect(server.requests == ["good json_schema"])
    }

    @Test("a hallucinated quote and an owner the document never names are dropped, counted and listed")
    func hallucinated() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("hallucinated", server, try CLI(), extra: ["--explain"])
        #expect(result.status == 0)
        let rows = try Self.rows(result)
        #expect(rows.count == 1)
        #expect(rows.first?["owner"] as? String == "Maria Okafor")
        #expect(result.stderr.contains("2 of the model's 3 answers dropped"))
        #expect(result.stderr.contains("the quote is not in the document: “Fusion will almost certainly power a whole city by 2040.”"))
        #expect(result.stderr.contains("the owner “Sam Altman” is not named in the document"))
        #expect(!result.stdout.contains("2040"))
    }

    @Test("a wrong probability is replaced by the quote's own; one the quote does not state is dropped")
    func wrongProbability() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("wrong-probability", server, try CLI(), extra: ["--explain"])
        #expect(result.status == 0)
        let rows = try Self.rows(result)
        #expect(rows.count == 1)
        #expect(rows.first?["probability"] as? Double == 0.7)
        #expect(result.stderr.contains("probability corrected: the model said 95%; the quote's words give 70%"))
        #expect(result.stderr.contains("the quote states no probability (the model said 80%)"))
    }

    @Test("malformed JSON: one line, exit 1, nothing printed")
    func malformed() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("malformed", server, try CLI())
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("foretell: the model's answer is not the JSON asked for: not JSON"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("a server that refuses JSON schemas (llama.cpp's 500, or a 400) is asked again in JSON mode")
    func refusedSchema() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("no-schema", server, try CLI())
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(try Self.rows(result).count == 3)
        #expect(server.requests == ["no-schema json_schema", "no-schema json_object"])
        let plain400 = try extract("no-schema-400", server, try CLI())
        #expect(try Self.rows(plain400).count == 3)
        #expect(server.requests.suffix(2) == ["no-schema-400 json_schema", "no-schema-400 json_object"])
    }

    @Test("a 500 is tried again, then reported in one line with the server's message")
    func serverError() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("error-500", server, try CLI(), environment: ["FORETELL_LLM_RETRIES": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == "foretell: the server at \(server.url) failed (HTTP 500): CUDA error: out of memory\n")
        #expect(server.requests == ["error-500 json_schema", "error-500 json_schema"])

        let flaky = try extract("flaky", server, try CLI())
        #expect(flaky.status == 0)
        #expect(try Self.rows(flaky).count == 3)
    }

    @Test("a slow answer times out in one line")
    func slow() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let result = try extract("slow", server, try CLI(), environment: ["FORETELL_LLM_TIMEOUT": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == "foretell: the server at \(server.url) did not answer within 1 s (set FORETELL_LLM_TIMEOUT to wait longer)\n")
    }

    @Test("401: asks for a key, takes it from the environment, never prints it")
    func unauthorized() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        let none = try extract("needs-key", server, scratch)
        #expect(none.status == 1)
        #expect(none.stderr.contains("wants an API key (401): set FORETELL_LLM_API_KEY or OPENAI_API_KEY"))
        let wrong = try extract("needs-key", server, scratch, environment: ["OPENAI_API_KEY": "sk-wrong-key-123"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("did not accept the API key"))
        #expect(!wrong.stderr.contains("sk-wrong-key-123"))
        let right = try extract("needs-key", server, scratch, environment: ["FORETELL_LLM_API_KEY": "sekret-test-key"])
        #expect(right.status == 0)
        #expect(try Self.rows(right).count == 3)
        #expect(!(right.stdout + right.stderr).contains("sekret"))
        // Nor is it in the cache.
        let cache = scratch.folder.appendingPathComponent(".cache/foretell/llm")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? [] {
            #expect(!((try? String(contentsOfFile: cache.appendingPathComponent(file).path, encoding: .utf8)) ?? "").contains("sekret"))
        }
    }

    @Test("an unknown model, no server, no model named: one line each")
    func configurationFailures() throws {
        let server = try FakeModelServer()
        let scratch = try CLI()
        let unknown = try extract("llama9", server, scratch)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "foretell: the server at \(server.url) has no model 'llama9': list its models (GET /v1/models) and give --llm-model\n")
        let url = server.url
        server.stop()
        let gone = try scratch.run(["extract", "--engine", "llm", "--llm-url", url, "--llm-model", "good", Self.panel],
                                   ledgerFlag: false, timeout: 60)
        #expect(gone.status == 1)
        #expect(gone.stderr == "foretell: no language model server answers at \(url) (connection refused): start one (e.g. 'ollama serve') or give --llm-url\n")
        let unnamed = try scratch.run(["extract", "--engine", "llm", Self.panel], ledgerFlag: false)
        #expect(unnamed.status == 64)
        #expect(unnamed.stderr.hasPrefix("foretell: no language model named: give --llm-model NAME or set FORETELL_LLM_MODEL"))
        let stray = try scratch.run(["extract", "--llm-model", "x", Self.panel], ledgerFlag: false)
        #expect(stray.status == 64)
    }

    @Test("answers are cached under $XDG_CACHE_HOME/foretell; --no-cache asks again")
    func cache() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        let cacheHome = scratch.folder.appendingPathComponent("xdg-cache").path
        let first = try extract("good", server, scratch, environment: ["XDG_CACHE_HOME": cacheHome])
        let second = try extract("good", server, scratch, environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(first.stdout == second.stdout)
        #expect(server.requests.count == 1)
        #expect(FileManager.default.fileExists(atPath: cacheHome + "/foretell/llm"))
        _ = try extract("good", server, scratch, extra: ["--no-cache"], environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(server.requests.count == 2)
    }

    @Test("--engine both: one forecast for what both found, saying so; the model's others added")
    func both() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        let rules = try scratch.run(["extract", "--format", "jsonl", Self.panel], ledgerFlag: false)
        let merged = try scratch.run(["extract", "--engine", "both", "--llm-url", server.url, "--llm-model", "good",
                                      "--format", "jsonl", Self.panel], ledgerFlag: false, timeout: 60)
        #expect(merged.status == 0)
        let rulesRows = try Self.rows(rules)
        let rows = try Self.rows(merged)
        let lines = rows.compactMap { $0["line"] as? Int }
        // Every line appears once: the model found the same three statements.
        #expect(Set(lines).count == lines.count)
        #expect(Set(lines) == Set(rulesRows.compactMap { $0["line"] as? Int }).union([11, 13, 15]))
        for row in rows {
            let engine = row["engine"] as? String
            let line = row["line"] as? Int ?? 0
            let rulesFound = rulesRows.contains { $0["line"] as? Int == line }
            #expect(engine == (rulesFound ? ([11, 13, 15].contains(line) ? "rules+llm" : "rules") : "llm"), "line \(line)")
        }
    }

    @Test("import --engine llm records engine and model; show prints them; a failure stores nothing")
    func importProvenance() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        try scratch.run(["add", "Something else happens", "--owner", "me", "--probability", "50%", "--deadline", "2030"])
        let before = try scratch.state()
        let failed = try scratch.run(["import", "--engine", "llm", "--llm-url", server.url, "--llm-model", "malformed",
                                      Self.panel], timeout: 60)
        #expect(failed.status == 1)
        #expect(try scratch.state() == before)

        let imported = try scratch.run(["import", "--engine", "llm", "--llm-url", server.url, "--llm-model", "good",
                                        "--format", "json", Self.panel], timeout: 60)
        #expect(imported.status == 0)
        let summary = try CLI.json(imported.stdout) as? [String: Any]
        #expect(summary?["forecasts_added"] as? Int == 3)
        let shown = try scratch.run(["show", "2"])
        #expect(shown.stdout.contains("found by llm (good)"))
        let json = try CLI.json(try scratch.run(["show", "2", "--format", "json"]).stdout) as? [String: Any]
        let forecasts = json?["forecasts"] as? [[String: Any]] ?? []
        let sources = forecasts.first?["sources"] as? [[String: Any]] ?? []
        #expect(sources.first?["engine"] as? String == "llm")
        #expect(sources.first?["model"] as? String == "good")
    }

    /// The model's minutes are spent before the import's transaction: another forecaster's `add`
    /// on the same ledger goes through while the import still waits for the model's answer.
    @Test("import --engine llm does not keep other writers waiting while the model answers")
    func importWaitsForTheModelOutsideTheTransaction() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        #expect(try scratch.run(["list"]).status == 0) // creates the ledger
        // "slow" answers after 3 seconds.
        let process = try scratch.start(["import", "--engine", "llm", "--llm-url", server.url, "--llm-model", "slow",
                                         "--no-cache", Self.panel])
        let started = Date()
        while server.requests.isEmpty && process.isRunning && Date().timeIntervalSince(started) < 30 { usleep(20_000) }
        #expect(!server.requests.isEmpty, "the import never asked the model")
        let added = try scratch.run(["add", "Added while the model thinks", "--owner", "me", "-p", "40%", "--deadline", "2030"],
                                    timeout: 60)
        let importStillRunning = process.isRunning
        process.waitUntilExit()
        #expect(added.status == 0 && added.stdout.hasPrefix("Added question 1:"), "\(added.stdout)\(added.stderr)")
        #expect(importStillRunning, "add returned only after the import had ended")
        #expect(process.terminationStatus == 0)
        // The import's three forecasts came after the add's question.
        let list = try #require(try CLI.json(scratch.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.compactMap { $0["question_id"] as? Int }.count == 4)
        #expect(list.first { $0["question_id"] as? Int == 1 }?["claim"] as? String == "Added while the model thinks")
    }

    /// On a terminal (a pty from script(1)) the model's progress is one line that is cleared before
    /// the output; piped, stderr has none of it.
    @Test("extract --engine llm says which chunk the model reads, on a terminal only",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func chunkProgressOnATerminal() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        let command = "'\(CLI.binary)' extract --engine llm --llm-url \(server.url) --llm-model good --no-cache '\(Self.panel)'"
        let onTerminal = try CLI.execute(["/usr/bin/script", "-qec", command, "/dev/null"],
                                         environment: ["TERM": "xterm", "PATH": "/usr/bin:/bin", "HOME": scratch.folder.path],
                                         timeout: 60)
        // Drawn, then cleared ("\r" and erase to the end of the line) before the table is printed.
        let drawn = try #require(onTerminal.stdout.range(of: "\u{1B}[Kasking good: chunk 1/1 of "), "\(onTerminal.stdout)")
        #expect(onTerminal.stdout[drawn.upperBound...].contains("\r\u{1B}[K"), "\(onTerminal.stdout)")
        let piped = try extract("good", server, scratch, extra: ["--no-cache"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("asking") && !piped.stderr.contains("\u{1B}"), "\(piped.stderr)")
    }

    /// Two files with the same text in one import: the model reads it once, even when it finds
    /// nothing in it to store (so that no document row marks the text as imported).
    @Test("import --engine llm asks the model once for two files with the same text")
    func sameTextTwiceIsReadOnce() throws {
        let server = try FakeModelServer()
        defer { server.stop() }
        let scratch = try CLI()
        // The stand-in's answers quote the panel, not this text: the checks drop them all.
        let text = "Minutes of the garden committee, 3 May 2026.\n\nThe hedge was trimmed. Tea was served.\n"
        let folder = scratch.folder.appendingPathComponent("twice")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["a.md", "b.md"] { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let imported = try scratch.run(["import", "--engine", "llm", "--llm-url", server.url, "--llm-model", "good",
                                        "--no-cache", folder.path], timeout: 60)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("added 0 questions"), "\(imported.stdout)")
        #expect(server.requests == ["good json_schema"], "\(server.requests)")
    }
}
