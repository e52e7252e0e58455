/**
 * Benchmark: client JavaScript each main page loads, gzipped, against a minimal Remix page built
 * in the same run with the same Remix version and compiler; and a check that no client bundle
 * holds a markdown parser, an HTML sanitiser (they belong on the server, decision 008) or drizzle
 * (database code, which only .server modules may import).
 *
 *   npx tsx scripts/bench/client-js.ts
 *
 * Builds the app (under the shared build lock) and a throwaway one-route Remix app, reads each
 * asset manifest, and sums the gzipped size of entry + root + route module + their imports, as
 * the browser loads them (`<link rel="modulepreload">` per file). Target: ≤ 1.25× the minimal page.
 * Exits 1 when a parser or sanitiser is found in a client chunk; with CLIENT_JS_GATE=1 (the test
 * run, scripts/test-all.sh) also when a page is over the target, so the budget cannot drift unseen.
 * KEEP=1 keeps both builds (.tmp/client-js-app, .tmp/client-minimal-app) to read the chunks.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { buildAndSnapshot, projectDir, readAssetManifest, type AssetManifest } from "./client-snapshot";

const TARGET_RATIO = 1.25;

/** The pages measured: a label, the Remix route id, the URL it answers. */
const PAGES = [
  { label: "idea list", routeId: "routes/ideas._index", url: "/ideas" },
  { label: "idea page", routeId: "routes/ideas.$ideaId._index", url: "/ideas/:ideaId" },
  { label: "committee board", routeId: "routes/committee._index", url: "/committee" },
  { label: "dashboard", routeId: "routes/dashboard._index", url: "/dashboard" },
  { label: "home", routeId: "routes/_index", url: "/" },
  { label: "new idea", routeId: "routes/ideas.new", url: "/ideas/new" },
  { label: "review an idea", routeId: "routes/committee.ideas.$ideaId", url: "/committee/ideas/:ideaId" },
  { label: "projects list", routeId: "routes/projects._index", url: "/projects" },
  { label: "project page", routeId: "routes/projects.$projectId._index", url: "/projects/:projectId" },
  { label: "roster", routeId: "routes/roster", url: "/roster" },
  { label: "training list", routeId: "routes/training._index", url: "/training" },
  { label: "sign in", routeId: "routes/login", url: "/login" },
];

/**
 * Text that survives minification in each library (error messages, option and callback names),
 * checked against a fresh minified bundle of every installed one before the scan (selfTest).
 */
const SIGNATURES: { library: string; needles: string[] }[] = [
  { library: "marked", needles: ["markedjs/marked", "marked(): input parameter"] },
  { library: "sanitize-html", needles: ["allowedSchemesByTag", "disallowedTagsMode"] },
  { library: "htmlparser2", needles: ["onopentagname", "onattribname"] },
  { library: "dompurify", needles: ["uponSanitizeElement", "DOMPurify"] },
  // Server code: a page importing db/schema (not a .server module) once shipped drizzle to the browser.
  { library: "drizzle-orm/pg-core", needles: ["PgColumnBuilder", "PgTable"] },
];

type Measured = { bytes: number; gzipped: number; files: string[] };

/** Files a route's first load fetches: the entry, then each route from root down, with imports. */
function filesOfRoute(manifest: AssetManifest, routeId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    if (!manifest.routes[id]) throw new Error(`route ${id} is not in the manifest`);
    chain.unshift(id);
  }
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (const id of chain) {
    const route = manifest.routes[id];
    files.add(route.module);
    for (const imported of route.imports ?? []) files.add(imported);
  }
  return [...files];
}

function measure(publicDir: string, files: string[]): Measured {
  let bytes = 0;
  let gzipped = 0;
  for (const url of files) {
    // Manifest URLs are absolute paths under public/ ("/build/…").
    const content = readFileSync(path.join(publicDir, url));
    bytes += content.length;
    gzipped += gzipSync(content).length; // level 6, as the server's compression middleware sends it
  }
  return { bytes, gzipped, files };
}

/** A one-route Remix app (root with Links/Meta/Scripts/ScrollRestoration/Outlet, "hello"). */
function buildMinimalApp(): string {
  // Under the project so that its node_modules (the same @remix-run versions) resolve.
  const dir = path.join(projectDir, ".tmp", "client-minimal-app");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app", "routes"), { recursive: true });
  const appConfig = readFileSync(path.join(projectDir, "remix.config.js"), "utf8");
  const future = appConfig.match(/future:\s*(\{[^}]*\})/)?.[1] ?? "{}";
  // The Remix CLI finds its runtime from the declared dependencies; the versions are the app's.
  const dependencies = Object.fromEntries(
    ["@remix-run/node", "@remix-run/react", "@remix-run/serve", "react", "react-dom"]
      .map((name) => [name, installedVersion(name)])
      .filter(([, version]) => version !== undefined),
  );
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "minimal-remix-page", private: true, type: "module", sideEffects: false, dependencies }));
  writeFileSync(
    path.join(dir, "remix.config.js"),
    `export default { serverModuleFormat: "esm", ignoredRouteFiles: ["**/.*"], future: ${future} };\n`,
  );
  writeFileSync(
    path.join(dir, "app", "root.tsx"),
    `import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
export default function App() {
  return (
    <html lang="en">
      <head><meta charSet="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><Meta /><Links /></head>
      <body><Outlet /><ScrollRestoration /><Scripts /></body>
    </html>
  );
}
`,
  );
  // Remix's own default entry, written out as `remix reveal` does: left implicit, it is compiled
  // from inside node_modules and esbuild then bundles a second copy of @remix-run/react (+50 KB).
  writeFileSync(
    path.join(dir, "app", "entry.client.tsx"),
    readFileSync(path.join(projectDir, "node_modules", "@remix-run", "dev", "dist", "config", "defaults", "entry.client.tsx"), "utf8"),
  );
  writeFileSync(path.join(dir, "app", "routes", "_index.tsx"), `export default function Index() {\n  return <p>hello</p>;\n}\n`);
  execFileSync(path.join(projectDir, "node_modules", ".bin", "remix"), ["build"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  return dir;
}

function installedVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(projectDir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** Every built client file (chunks, entries, route modules) under public/build. */
function clientFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return clientFiles(full);
    return name.endsWith(".js") ? [full] : [];
  });
}

/** A hint at what a chunk holds: the framework, or mostly string data (and which keys). */
function describe(text: string): string {
  if (text.includes("__remixContext") && text.includes("react.element")) return "React + Remix runtime (as in the minimal page)";
  const literals = text.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  const literalBytes = literals.reduce((sum, literal) => sum + literal.length, 0);
  const share = literalBytes / text.length;
  const keys = [...new Set(literals.filter((literal) => /^"[a-z]+\.[A-Za-z.]+"$/.test(literal)))];
  const keyHint = share > 0.8 && keys.length > 20 ? `: ${keys.length} message keys such as ${keys.slice(0, 3).join(" ")}, a message catalogue` : "";
  return `${(share * 100).toFixed(0)}% string literals${keyHint}`;
}

function findLibraries(text: string): string[] {
  return SIGNATURES.filter(({ needles }) => needles.some((needle) => text.includes(needle))).map(({ library }) => library);
}

/** The check must be able to fail: each installed library, bundled and minified, must be found. */
async function selfTest(): Promise<string[]> {
  const lines: string[] = [];
  for (const { library } of SIGNATURES) {
    const bundle = await esbuild
      .build({
        stdin: { contents: `import * as lib from ${JSON.stringify(library)}; console.log(lib);`, resolveDir: projectDir },
        bundle: true,
        minify: true,
        platform: "browser",
        format: "esm",
        write: false,
        logLevel: "silent",
        define: { "process.env.NODE_ENV": '"production"' },
      })
      .catch(() => undefined);
    if (!bundle) {
      lines.push(`${library}: not installed, signature not self-tested`);
      continue;
    }
    const found = findLibraries(bundle.outputFiles[0].text);
    if (!found.includes(library)) throw new Error(`the ${library} signature does not match a minified bundle of ${library}`);
    lines.push(`${library}: signature found in a minified bundle of it (${(bundle.outputFiles[0].text.length / 1024).toFixed(0)} KB)`);
  }
  return lines;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (value: string, width: number) => value.padEnd(width);
const padStart = (value: string, width: number) => value.padStart(width);

const appDir = buildAndSnapshot("client-js-app");
const minimalDir = buildMinimalApp();
try {
  const appPublic = path.join(appDir, "public");
  const minimalPublic = path.join(minimalDir, "public");
  const read = (file: string) => readFileSync(file, "utf8");
  const appManifest = readAssetManifest(path.join(appPublic, "build"), read);
  const minimalManifest = readAssetManifest(path.join(minimalPublic, "build"), read);
  const minimal = measure(minimalPublic, filesOfRoute(minimalManifest, "routes/_index"));

  console.log("Client JavaScript per page (entry + root + route + imports, gzip level 6)\n");
  console.log(`${pad("page", 16)} ${pad("url", 26)} ${padStart("raw", 10)} ${padStart("gzipped", 10)} ${padStart("× minimal", 10)}  target ≤ ${TARGET_RATIO}×`);
  console.log(`${pad("minimal Remix", 16)} ${pad("/ (one route, \"hello\")", 26)} ${padStart(kb(minimal.bytes), 10)} ${padStart(kb(minimal.gzipped), 10)} ${padStart("1.00", 10)}`);
  const over: { label: string; measured: Measured }[] = [];
  for (const page of PAGES) {
    if (!appManifest.routes[page.routeId]) {
      console.log(`${pad(page.label, 16)} ${pad(page.url, 26)} (route ${page.routeId} not in this build)`);
      continue;
    }
    const measured = measure(appPublic, filesOfRoute(appManifest, page.routeId));
    const ratio = measured.gzipped / minimal.gzipped;
    if (ratio > TARGET_RATIO) over.push({ label: page.label, measured });
    console.log(
      `${pad(page.label, 16)} ${pad(page.url, 26)} ${padStart(kb(measured.bytes), 10)} ${padStart(kb(measured.gzipped), 10)} ${padStart(ratio.toFixed(2), 10)}  ${ratio <= TARGET_RATIO ? "ok" : "OVER"}`,
    );
  }

  // What the pages load beyond the minimal page: the biggest files, and what they are made of.
  if (over.length > 0) {
    const useCount = new Map<string, number>();
    for (const { measured } of over) for (const file of measured.files) useCount.set(file, (useCount.get(file) ?? 0) + 1);
    const heaviest = [...useCount.keys()]
      .map((file) => ({ file, text: readFileSync(path.join(appPublic, file), "utf8") }))
      .map(({ file, text }) => ({ file, text, gzipped: gzipSync(text).length, pages: useCount.get(file) ?? 0 }))
      .sort((a, b) => b.gzipped - a.gzipped)
      .slice(0, 4);
    console.log("\nLargest files of the pages over target:");
    if (process.env.CLIENT_JS_GATE === "1") process.exitCode = 1;
    for (const { file, text, gzipped, pages } of heaviest) console.log(`  ${pad(file, 40)} ${padStart(kb(gzipped), 9)}  on ${pages} page(s)  ${describe(text)}`);
  }

  console.log("\nMarkdown parser / sanitiser / database code in client bundles:");
  for (const line of await selfTest()) console.log(`  self-test  ${line}`);
  const files = clientFiles(path.join(appPublic, "build"));
  const offending = files
    .map((file) => ({ file: path.relative(appPublic, file), libraries: findLibraries(readFileSync(file, "utf8")) }))
    .filter(({ libraries }) => libraries.length > 0);
  if (offending.length === 0) {
    console.log(`  none found in ${files.length} client files (${SIGNATURES.map(({ library }) => library).join(", ")})`);
  } else {
    for (const { file, libraries } of offending) console.log(`  FOUND ${libraries.join(", ")} in ${file}`);
    process.exitCode = 1;
  }
} finally {
  if (!process.env.KEEP) {
    rmSync(minimalDir, { recursive: true, force: true });
    rmSync(appDir, { recursive: true, force: true });
  }
}
