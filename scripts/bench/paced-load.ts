/**
 * Requests at a steady rate, for the page benchmark's "p99 at a fixed rate".
 *
 * Why not autocannon's `overallRate`: it splits the rate between its connections, and each
 * connection sends its quota for a second back to back as soon as the second starts, then waits
 * for the next one. At "76 req/s" over 10 connections the server got 10 requests at once, again
 * and again, for the first part of every second and nothing for the rest: the p50/p99 it reported
 * were those of full concurrency, not of a steady 76 req/s (the bare limit server showed a p50
 * of 44 ms for 5 ms of work). `loadtest` paces requests evenly but pulls in old, unmaintained
 * dependencies (websocket, es5-ext); pacing is a few lines.
 *
 * Open loop: request i is due at start + i / rate, whether or not earlier ones have answered, so
 * a server that falls behind cannot slow the load down. Latency runs from when the request was
 * due, not from when a free connection took it, so time spent waiting for one counts (no
 * coordinated omission). Connections are kept alive, at most `maxConnections` at once.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export type PacedLoadOptions = {
  url: string;
  headers?: Record<string, string>;
  /** Requests a second. */
  rate: number;
  seconds: number;
  maxConnections: number;
  timeoutMs?: number;
};

export type PacedLoadResult = {
  /** Requests sent (rate × seconds). */
  sent: number;
  /** Requests answered with a 2xx. */
  ok: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  /** Milliseconds from when each answered request was due to its last byte. */
  p50: number;
  p99: number;
  max: number;
  /** When each request was sent, in ms from the start (for checking the pacing). */
  sentAt: number[];
};

/** The nearest-rank percentile of values sorted ascending (0 when there are none). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxConnections });
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const intervalMs = 1000 / options.rate;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const sentAt: number[] = [];
  let errors = 0;
  let answered = 0;

  const start = performance.now();
  const finished = new Promise<void>((resolve) => {
    const send = (index: number) => {
      const due = start + index * intervalMs;
      sentAt.push(performance.now() - start);
      // Once per request, whichever of the answer's end or an error comes first.
      let settled = false;
      const answer = (ok: boolean) => {
        if (settled) return;
        settled = true;
        if (ok) latencies.push(performance.now() - due);
        else errors++;
        answered++;
        if (answered === total) resolve();
      };
      const request = http.get(options.url, { agent, headers: options.headers, timeout: timeoutMs }, (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on("end", () => answer(status >= 200 && status < 300));
        response.on("error", () => answer(false));
      });
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => answer(false));
    };
    let next = 0;
    const tick = () => {
      // Everything due by now goes out, so a late timer catches up instead of shifting the rest.
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
    };
    tick();
  });
  await finished;
  agent.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value);
  return {
    sent: total,
    ok: sorted.length,
    errors,
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
    sentAt,
  };
}
