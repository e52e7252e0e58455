/**
 * An HTTPS + HTTP/2 front for the app, as it is deployed (README: production behind HTTPS, where
 * the proxy speaks HTTP/2). Over plain http Chromium uses HTTP/1.1, six connections per host, and
 * Lighthouse's slow-4G model then charges a round trip per file for ~20 small script files.
 * A throwaway self-signed certificate (openssl); Chromium is told to accept it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import { tmpdir } from "node:os";
import path from "node:path";

// Connection-specific headers HTTP/2 forbids (RFC 9113 §8.2.2).
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "host"]);

export type H2Proxy = { origin: string; close: () => Promise<void> };

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "lighthouse-cert-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "key.pem", "-out", "cert.pem"],
      { cwd: dir, stdio: "ignore" },
    );
    return { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Listen on `port` (HTTPS, HTTP/2) and forward every request to the app at `target`. */
export async function startH2Proxy(port: number, target: { host: string; port: number }): Promise<H2Proxy> {
  const server = http2.createSecureServer(selfSignedCertificate(), (request, response) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.startsWith(":") || HOP_BY_HOP.has(name) || value === undefined) continue;
      headers[name] = value;
    }
    headers.host = `${target.host}:${target.port}`;
    const upstream = http.request({ host: target.host, port: target.port, method: request.method, path: request.url, headers }, (answer) => {
      const answerHeaders: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) answerHeaders[name] = value;
      }
      response.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(response);
    });
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
