/**
 * Build the app once and copy what the browser and the server need into a private folder, all
 * under the shared build lock: other engineers build and run end-to-end tests in the same tree,
 * and public/build changes under our feet otherwise. The copy runs from there without the lock
 * (node_modules still resolve from the project root above it).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUILD_LOCK = "/tmp/nawat-e2e.lock";

/** `npm run build`, then copy build/, public/, package.json and the migrations to `.tmp/<name>`. */
export function buildAndSnapshot(name: string): string {
  const target = path.join(projectDir, ".tmp", name);
  mkdirSync(path.dirname(target), { recursive: true });
  const script = [
    "npm run build >/dev/null",
    `rm -rf '${target}'`,
    `mkdir -p '${target}/db'`,
    `cp -r build public package.json '${target}/'`,
    `cp -r db/migrations '${target}/db/'`,
  ].join(" && ");
  execFileSync("flock", [BUILD_LOCK, "sh", "-c", script], { cwd: projectDir, stdio: ["ignore", "ignore", "inherit"] });
  return target;
}

/** The Remix asset manifest (`public/build/manifest-*.js`) of a build folder, parsed. */
export type AssetManifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] }>;
};

export function readAssetManifest(publicBuildDir: string, read: (file: string) => string): AssetManifest {
  const files = readdirSync(publicBuildDir).filter((file) => /^manifest-[A-Z0-9]+\.js$/.test(file));
  if (files.length !== 1) throw new Error(`expected one manifest in ${publicBuildDir}, found ${files.length}`);
  const text = read(path.join(publicBuildDir, files[0]));
  const json = text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "");
  return JSON.parse(json) as AssetManifest;
}
