#!/usr/bin/env node
// An OpenAI-compatible chat server for benchmarks, independent of hark: answers every
// POST /v1/chat/completions with "Yes." after a fixed latency, on one or more ports, with HTTP/1.1
// keep-alive. GET /v1/models gives the model's fingerprint; GET /stats gives the epoch times
// (milliseconds) of the first request and the last response and the count since POST /reset.
//
//   node openai-mock.js --latency-ms 50 --ports 4 --port-file ports.txt
"use strict";
const http = require("http");
const fs = require("fs");

const options = { latencyMs: 50, ports: 1, portFile: null };
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === "--latency-ms") options.latencyMs = Number(value);
  else if (flag === "--ports") options.ports = Number(value);
  else if (flag === "--port-file") options.portFile = value;
  else throw new Error(`unknown option ${flag}`);
}

const now = () => performance.timeOrigin + performance.now();
let stats = { requests: 0, first_request_ms: null, last_response_ms: null, body_bytes: 0 };

const models = JSON.stringify({
  object: "list",
  data: [{ id: "bench", object: "model", root: "bench", owned_by: "openai-mock.js", max_model_len: 8192 }],
});

function completion(bodyBytes) {
  return JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: 0,
    model: "bench",
    choices: [{ index: 0, message: { role: "assistant", content: "Yes." }, finish_reason: "stop" }],
    // Prompt tokens grow with the body, so that a clip makes a difference to them.
    usage: { prompt_tokens: 16 + (bodyBytes >> 10), completion_tokens: 2, total_tokens: 18 + (bodyBytes >> 10) },
  });
}

function send(response, status, body) {
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

function handle(request, response) {
  if (request.method === "GET" && request.url.endsWith("/models")) return send(response, 200, models);
  if (request.method === "GET" && request.url === "/stats") return send(response, 200, JSON.stringify(stats));
  if (request.method === "POST" && request.url === "/reset") {
    stats = { requests: 0, first_request_ms: null, last_response_ms: null, body_bytes: 0 };
    return send(response, 200, "{}");
  }
  if (request.method !== "POST" || !request.url.endsWith("/chat/completions")) return send(response, 404, "{}");
  if (stats.first_request_ms === null) stats.first_request_ms = now();
  let bytes = 0;
  request.on("data", (chunk) => { bytes += chunk.length; });
  request.on("end", () => {
    stats.requests += 1;
    stats.body_bytes += bytes;
    setTimeout(() => {
      send(response, 200, completion(bytes));
      stats.last_response_ms = now();
    }, options.latencyMs);
  });
}

const ports = [];
let listening = 0;
for (let i = 0; i < options.ports; i++) {
  const server = http.createServer({ keepAliveTimeout: 60_000 }, handle);
  server.listen(0, "127.0.0.1", () => {
    ports[i] = server.address().port;
    if (++listening === options.ports && options.portFile) fs.writeFileSync(options.portFile, ports.join("\n") + "\n");
  });
}
