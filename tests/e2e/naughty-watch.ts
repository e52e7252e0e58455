import type { BrowserContext, Page } from "@playwright/test";
import { squashed } from "./naughty-corpus";

// Watching Chromium for script that should never run: dialogs, page errors, console errors, CSP
// violations (an injected inline script or handler that the policy blocked still fires one),
// calls to alert/confirm/prompt/print (trapped by an init script before any page script), and,
// after each load, a scan of the DOM for anything that could run script: on* attributes,
// javascript: URLs, frames and plug-ins, scripts without the page's nonce.

type Trap = { calls: string[]; violations: string[] };
declare global {
  interface Window {
    __naughtyTrap?: Trap;
  }
}

/** Installed in every page before its own scripts: records dialogs and CSP reports in the window. */
function installTrap(): void {
  const trap: Trap = { calls: [], violations: [] };
  Object.defineProperty(window, "__naughtyTrap", { value: trap, enumerable: false });
  for (const name of ["alert", "confirm", "prompt", "print"] as const) {
    Object.defineProperty(window, name, {
      value: (...args: unknown[]) => {
        trap.calls.push(`${name}(${args.map(String).join(", ").slice(0, 200)})`);
        return name === "confirm" ? false : null;
      },
      writable: false,
      configurable: false,
    });
  }
  document.addEventListener("securitypolicyviolation", (event) => {
    trap.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}: ${(event.sample || "").slice(0, 120)}`);
  });
}

/** What could run script in the current DOM (run in the page). */
function scanDom(): string[] {
  const findings: string[] = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"];
  for (const element of Array.from(document.querySelectorAll("*"))) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) findings.push(`<${tag} ${name}="${attribute.value.slice(0, 80)}">`);
      if (urlAttributes.includes(name) && attribute.value.trim() !== "") {
        // The scheme as the browser itself reads the URL (it drops tabs, newlines and the like).
        let scheme = "";
        try {
          scheme = new URL(attribute.value, document.baseURI).protocol;
        } catch {
          scheme = "";
        }
        const dataMarkup = scheme === "data:" && /^\s*data:\s*(text\/html|image\/svg|application\/xhtml|text\/xml)/i.test(attribute.value);
        if (scheme === "javascript:" || scheme === "vbscript:" || dataMarkup || name === "srcdoc") findings.push(`<${tag} ${name}="${attribute.value.slice(0, 80)}">`);
      }
    }
    if (["iframe", "frame", "object", "embed", "applet", "base"].includes(tag)) findings.push(`<${tag}> element`);
    if (tag === "meta" && element.getAttribute("http-equiv")?.toLowerCase() === "refresh") findings.push("<meta http-equiv=refresh>");
    if (tag === "script") {
      const script = element as HTMLScriptElement;
      const isData = /json/.test(script.type);
      // The app's scripts all carry the per-request nonce (hidden from getAttribute after load).
      if (!isData && !script.nonce) findings.push(`<script> without nonce: ${(script.src || script.textContent || "").slice(0, 80)}`);
    }
  }
  return findings;
}

export type RenderReport = { url: string; status: number | null; problems: string[]; missing: string[] };

/** A browser context whose every page is watched; `render` loads and checks one page. */
export class Watcher {
  readonly reports: RenderReport[] = [];
  private readonly pageProblems = new Map<Page, string[]>();

  private constructor(readonly context: BrowserContext) {}

  static async attach(context: BrowserContext): Promise<Watcher> {
    const watcher = new Watcher(context);
    await context.addInitScript(installTrap);
    return watcher;
  }

  private watch(page: Page): string[] {
    const problems: string[] = [];
    page.on("dialog", (dialog) => {
      problems.push(`dialog ${dialog.type()}: ${dialog.message().slice(0, 120)}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message.slice(0, 200)}`));
    page.on("console", (message) => {
      // A failed request (a 403 or 404 page, a missing favicon) is not script: statuses are checked elsewhere.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console error: ${message.text().slice(0, 200)}`);
    });
    page.on("popup", (popup) => problems.push(`popup ${popup.url()}`));
    this.pageProblems.set(page, problems);
    return problems;
  }

  /** A fresh watched page (hooks in place before the first navigation). */
  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    this.watch(page);
    return page;
  }

  /**
   * Loads `url` in `page`, waits for the app to settle, then collects everything the hooks saw
   * and the DOM scan found, and checks that each of `expectText` is on the page as text.
   * `html` replaces the server's answer (an action's reply to a refused form, rendered at the
   * address it was posted to, with the headers the server sent).
   */
  async render(page: Page, url: string, expectText: readonly string[], html?: { body: string; headers: Record<string, string> }): Promise<RenderReport> {
    const problems = this.pageProblems.get(page) ?? this.watch(page);
    problems.length = 0;
    if (html) {
      await page.route(
        (address) => address.pathname + address.search === new URL(url, "http://x.invalid").pathname + new URL(url, "http://x.invalid").search,
        (route) => route.fulfill({ status: 200, body: html.body, headers: replayHeaders(html.headers) }),
        { times: 1 },
      );
    }
    const response = await page.goto(url, { waitUntil: "load" });
    // Let hydration and any deferred handler (an <img onerror>, a <details ontoggle>) run.
    await page.waitForTimeout(150);
    const trap = await page.evaluate(() => window.__naughtyTrap ?? { calls: ["trap missing: the init script did not run"], violations: [] });
    const found = [...problems, ...trap.calls.map((call) => `script ran: ${call}`), ...trap.violations.map((violation) => `CSP violation: ${violation}`), ...(await page.evaluate(scanDom))];
    // Text as shown, and what the form controls hold (a refused form gives back what was typed).
    const text = squashed(
      await page.evaluate(() =>
        [document.body.innerText, ...Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"), (control) => control.value)].join(" "),
      ),
    );
    const missing = expectText.filter((sample) => !text.includes(squashed(sample)));
    const report: RenderReport = { url, status: response?.status() ?? null, problems: found, missing };
    this.reports.push(report);
    return report;
  }
}

/** The server's headers (its CSP with the nonce in the body) minus those about the encoding of the original bytes. */
function replayHeaders(headers: Record<string, string>): Record<string, string> {
  const dropped = new Set(["content-encoding", "content-length", "transfer-encoding", "set-cookie", "location"]);
  return { ...Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase()))), "content-type": "text/html; charset=utf-8" };
}

/** Every render's problems and missing texts, one readable line each. */
export function renderFailures(reports: readonly RenderReport[]): string[] {
  return reports.flatMap((report) => [
    ...report.problems.map((problem) => `${report.url}: ${problem}`),
    ...report.missing.map((text) => `${report.url}: text not shown: ${JSON.stringify(text)}`),
    ...(report.status !== null && report.status >= 500 ? [`${report.url}: status ${report.status}`] : []),
  ]);
}
