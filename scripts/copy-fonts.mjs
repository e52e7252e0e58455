// Copies the bundled Thai font (Sarabun, from @fontsource on npm) into public/fonts so pages
// never fetch a font from another host. Run by `npm run build`.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("@fontsource/sarabun/package.json")), "files");
const target = path.join(process.cwd(), "public", "fonts");
mkdirSync(target, { recursive: true });
for (const subset of ["thai", "latin"]) {
  for (const weight of [400, 600]) {
    const file = `sarabun-${subset}-${weight}-normal.woff2`;
    copyFileSync(path.join(fontDir, file), path.join(target, file));
  }
}
