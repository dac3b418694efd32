#!/usr/bin/env python3
"""A stand-in for an OpenAI-compatible chat-completions server, for foretell's contract tests.

usage: fake_openai_server.py ANSWERS_DIR [LOG_FILE]

Listens on 127.0.0.1 on a free port and prints the port on its first line. The request's "model"
chooses the scenario, so one server serves every test:
  good, hallucinated, wrong-probability   answers/<model>.json as the assistant's content
  malformed                               content that is not JSON
  no-schema                               llama-cpp-python's 500 for a json_schema response_format
                                          (recorded), then good
  no-schema-400                           400 for response_format json_schema, then good
  error-500                               always 500
  flaky                                   500 once per process, then good
  slow                                    good, after 3 seconds
  needs-key                               401 unless "Authorization: Bearer sekret-test-key"
  anything else                           404 "model not found" (Ollama's wording)
The envelope is the one llama.cpp's server (llama-cpp-python) sends. Each request's model and
response_format type are appended to LOG_FILE. The server stops by itself after 120 idle seconds.
"""
import json, os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWERS = sys.argv[1]
LOG = sys.argv[2] if len(sys.argv) > 2 else None
flaky_failed = set()
LLAMA_CPP_SCHEMA_REFUSAL = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema', "
    "'ctx': {'expected': \"'text' or 'json_object'\"}}\n\n  File \"llama_cpp/server/app.py\", line 376, "
    "in create_chat_completion\n    POST /v1/chat/completions")
last_request = [time.time()]
lock = threading.Lock()


def envelope(model, content):
    return {
        "id": "chatcmpl-5f0c3a1e-4a7e-4a1b-9b8e-2f6f1d1e0c11", "object": "chat.completion",
        "created": 1796630400, "model": model,
        "choices": [{"index": 0, "message": {"content": content, "role": "assistant"},
                     "logprobs": None, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 812, "completion_tokens": 164, "total_tokens": 976},
    }


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def error(self, status, message, kind="invalid_request_error"):
        self.reply(status, {"error": {"message": message, "type": kind}})

    def answer(self, name, model):
        with open(os.path.join(ANSWERS, name + ".json"), encoding="utf-8") as f:
            self.reply(200, envelope(model, f.read()))

    def do_POST(self):
        last_request[0] = time.time()
        if self.path.rstrip("/") != "/v1/chat/completions":
            return self.error(404, "File Not Found")
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError:
            return self.error(400, "invalid JSON body")
        model = request.get("model", "")
        fmt = (request.get("response_format") or {}).get("type", "none")
        if LOG:
            with lock, open(LOG, "a") as f:
                f.write(f"{model} {fmt} {bool(request.get('messages'))}\n")
        if model in ("good", "hallucinated", "wrong-probability"):
            return self.answer(model, model)
        if model == "malformed":
            return self.reply(200, envelope(model, "Sure! Here are the forecasts: {forecasts: [owner: Maria"))
        if model == "no-schema":
            if fmt == "json_schema":
                # Recorded from llama-cpp-python 0.3.36's server.
                return self.reply(500, {"error": {"message": LLAMA_CPP_SCHEMA_REFUSAL, "type": "internal_server_error",
                                                  "param": None, "code": None}})
            return self.answer("good", model)
        if model == "no-schema-400":
            if fmt == "json_schema":
                return self.error(400, "response_format type json_schema is not supported, use json_object")
            return self.answer("good", model)
        if model == "error-500":
            return self.error(500, "CUDA error: out of memory", "server_error")
        if model == "flaky":
            with lock:
                first = model not in flaky_failed
                flaky_failed.add(model)
            if first:
                return self.error(503, "loading model", "server_error")
            return self.answer("good", model)
        if model == "slow":
            time.sleep(3)
            return self.answer("good", model)
        if model == "needs-key":
            if self.headers.get("Authorization") != "Bearer sekret-test-key":
                return self.error(401, "Incorrect API key provided.", "invalid_api_key")
            return self.answer("good", model)
        return self.error(404, f'model "{model}" not found, try pulling it first', "not_found_error")


def main():
    # A parent that ignores SIGTERM (a test runner) passes that on: stop on it all the same.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while time.time() - last_request[0] < 120:
        time.sleep(1)
    server.shutdown()


if __name__ == "__main__":
    main()
