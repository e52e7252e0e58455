import { createRequire } from "node:module";

// The Big List of Naughty Strings (MIT), 461 strings, and the ways the naughty-strings spec cuts
// it into submissions: one string a request where a request is cheap and nothing is stored, and
// packed chunks (many strings in one field) where the text is stored and shown again.

const require = createRequire(import.meta.url);

/** The whole corpus, in its published order. */
export const NAUGHTY: readonly string[] = require("big-list-of-naughty-strings/blns.json") as string[];

/**
 * Length as the app counts it, after trimming: some fields count code points, some UTF-16 units;
 * the UTF-16 length is never the smaller, so packing by it fits both.
 */
export function countedLength(text: string): number {
  return text.trim().length;
}

export type Packed = { chunks: string[]; counts: number[]; tooLong: string[] };

/**
 * Packs strings into chunks of at most `max` counted characters (and, with `maxEncoded`, at most
 * that many characters once URL-encoded), each chunk starting with `prefix(n)` (n = chunk number)
 * and the strings joined by `separator`, in corpus order. A string that cannot fit into an empty
 * chunk is returned in `tooLong`, to be sent alone and refused. Blank strings are left out.
 */
export function pack(
  strings: readonly string[],
  options: { max: number; separator: string; prefix?: (chunkNumber: number) => string; maxEncoded?: number },
): Packed {
  const prefix = options.prefix ?? (() => "");
  const packed: Packed = { chunks: [], counts: [], tooLong: [] };
  // A margin for NFC normalisation, which can lengthen a few characters.
  const max = options.max - 4;
  const fits = (text: string) => countedLength(text) <= max && (options.maxEncoded === undefined || encodeURIComponent(text).length <= options.maxEncoded);
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) {
      packed.chunks.push(prefix(packed.chunks.length + 1) + current.join(options.separator));
      packed.counts.push(current.length);
    }
    current = [];
  };
  for (const text of strings) {
    if (text.trim() === "") continue;
    if (!fits(prefix(packed.chunks.length + 1) + text)) {
      packed.tooLong.push(text);
      continue;
    }
    if (!fits(prefix(packed.chunks.length + 1) + [...current, text].join(options.separator))) flush();
    current.push(text);
  }
  flush();
  return packed;
}

/**
 * The corpus as a field that keeps only its first `limit` characters receives it: each string
 * cut to the limit (what the app reads of it), then packed. Every string lands in some chunk.
 */
export function packCut(strings: readonly string[], limit: number, maxEncoded?: number): Packed {
  const cut = strings.map((text) => {
    let kept = text;
    while (kept.length > 0 && (countedLength(kept) > limit - 4 || (maxEncoded !== undefined && encodeURIComponent(kept).length > maxEncoded))) kept = [...kept].slice(0, -1).join("");
    return kept;
  });
  return pack(cut, { max: limit, separator: " ", maxEncoded });
}

/** Control, format and bidirectional characters: shown differently or not at all. */
export function isInvisible(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xad || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x206f) || code === 0xfeff;
}

/** Collapses white space the way innerText and `toContainText` compare it. */
export function squashed(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Strings that must appear verbatim as text wherever a field is shown as plain text: markup and
 * script that a broken escape would turn into elements. Chosen by content, not by index, so a
 * new corpus version still gives a sample. Only strings that display unchanged (no control or
 * invisible characters, no runs of white space) are chosen.
 */
export function plainTextSamples(strings: readonly string[], count: number): string[] {
  const displayable = (text: string) => text === squashed(text) && ![...text].some(isInvisible);
  const markup = strings.filter((text) => displayable(text) && /<\s*(script|img|svg|iframe|a |body|input)|javascript:|onerror|onload/i.test(text));
  return spread(markup, count);
}

/** Plain words that survive markdown untouched: proof that a markdown field shows its text. */
export function markdownSamples(strings: readonly string[], count: number): string[] {
  const plain = strings.filter((text) => text === squashed(text) && /^[\p{L}\p{N} ,.!?'’]+$/u.test(text) && /\p{L}{3}/u.test(text) && text.length >= 6);
  return spread(plain, count);
}

/** `count` items spread evenly over `items` (all of them when there are fewer). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]);
}
