import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pacedLoad, percentile } from "./paced-load";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A local server answering every request after `delayMs` with `status`. */
async function serve(options: { delayMs: number; status?: number }): Promise<string> {
  const server = http.createServer((_request, response) => {
    setTimeout(() => response.writeHead(options.status ?? 200).end("ok"), options.delayMs);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe("pacedLoad", () => {
  it("sends each request when it is due, never ahead of time (no bursts), and counts every answer", async () => {
    const url = await serve({ delayMs: 0 });
    const result = await pacedLoad({ url, rate: 100, seconds: 1, maxConnections: 10 });
    expect(result.sent).toBe(100);
    expect(result.ok).toBe(100);
    expect(result.errors).toBe(0);
    // Request i is due at i × 10 ms: a burst (a second's quota at once) would send most early.
    result.sentAt.forEach((at, index) => expect(at, `request ${index}`).toBeGreaterThanOrEqual(index * 10 - 1));
    expect(result.sentAt.at(-1)).toBeGreaterThanOrEqual(980);
  });

  it("counts the wait for a connection in the latency, from when each request was due", async () => {
    // One connection, 50 ms a request, 40 requests a second due: the server keeps up with 20.
    // Request i is due at 25·i ms and answered at ~50·(i+1) ms, so the waits grow to ~525 ms.
    const url = await serve({ delayMs: 50 });
    const result = await pacedLoad({ url, rate: 40, seconds: 0.5, maxConnections: 1 });
    expect(result.ok).toBe(20);
    expect(result.p50).toBeGreaterThan(200);
    expect(result.p99).toBeGreaterThan(400);
  });

  it("counts answers other than 2xx, and refused connections, as errors", async () => {
    const failing = await serve({ delayMs: 0, status: 500 });
    const refused = await pacedLoad({ url: "http://127.0.0.1:1/", rate: 50, seconds: 0.1, maxConnections: 2 });
    const served = await pacedLoad({ url: failing, rate: 50, seconds: 0.2, maxConnections: 2 });
    expect(served).toMatchObject({ sent: 10, ok: 0, errors: 10 });
    expect(refused).toMatchObject({ sent: 5, ok: 0, errors: 5 });
  });
});
