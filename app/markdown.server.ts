/**
 * Markdown for ideas and comments (PRODUCT.md §3): `marked` turns the source into HTML, then
 * `sanitize-html` keeps only a small allowlist. The sanitiser is the security boundary; marked is
 * treated as untrusted (raw HTML in markdown passes through it and is cleaned here).
 *
 * Output: p, br, strong, em, del, code, pre, blockquote, ul, ol[start], li, h3–h6 (h1/h2 become
 * h3 so a comment cannot outrank the page's own headings), hr, table/thead/tbody/tr/th/td[align],
 * and a[href] with http, https or mailto (or a relative URL) and always
 * rel="noopener noreferrer nofollow" (user content must not pass referrers or PageRank, and
 * `target` is dropped so no link opens a window that could reach back through `opener`).
 * No img (attachments are the product's own), no forms, frames, svg/math, no class/style/on*.
 *
 * Resource limits, because comments are rendered on every read:
 * - the source is cut at MARKDOWN_MAX_LENGTH UTF-16 units (forms enforce their own, smaller
 *   limits; this only bounds the work one stored text can cause);
 * - a GFM table needs at least two characters of its own source per cell (any real table has
 *   more): marked pads short rows to the header's width, so 20 KB of `|a|a|…` over `x` lines
 *   became 120 MB of HTML, 10 s and 2 GB of heap; such a "table" stays a paragraph;
 * - all link URLs together may not be longer than the source plus 1,000: one long reference
 *   definition used thousands of times (`[a]`) would otherwise multiply; links past the budget
 *   keep their text and lose their target;
 * - marked recurses per nesting level and overflows the stack near 800–2,000 levels of `>` or
 *   `- >`; a source it cannot render is shown as escaped plain text, and the sanitiser drops
 *   elements nested deeper than NESTING_LIMIT (their text stays).
 */
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/** Longest source rendered, in UTF-16 units; the rest is cut off. */
export const MARKDOWN_MAX_LENGTH = 20_000;

const LINK_REL = "noopener noreferrer nofollow";
const NESTING_LIMIT = 32;
const EXTRA_LINK_URL_BUDGET = 1_000;

// A private instance: the global `marked` options stay untouched for anyone else.
const markdown = new Marked({ gfm: true, breaks: true, async: false });
markdown.use({
  tokenizer: {
    table(src) {
      const match = this.rules.block.table.exec(src);
      if (!match) return false; // not a table: let marked decide as usual
      const columns = (match[2].match(/-+/g) ?? []).length;
      const rows = 1 + (match[3] ? match[3].split("\n").length : 0);
      // undefined = "no table here": marked then reads these lines as a paragraph.
      return 2 * columns * rows > match[0].length ? undefined : false;
    },
  },
});

const align = { name: "align", multiple: false, values: ["left", "center", "right"] };

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
    "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
  ],
  // Nothing else, not even class: no styling hooks, no event handlers, no target.
  allowedAttributes: { a: ["href", "rel"], ol: ["start"], th: [align], td: [align] },
  // sanitize-html decodes entities and strips whitespace/control characters before it reads
  // the scheme, so `java&#x09;script:` and `JaVaScRiPt:` are caught as well.
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false, // `//host` would leave the site without saying so
  disallowedTagsMode: "discard", // drop the tag, keep its text (script/style text is dropped)
  nestingLimit: NESTING_LIMIT,
  transformTags: {
    h1: sanitizeHtml.simpleTransform("h3", {}),
    h2: sanitizeHtml.simpleTransform("h3", {}),
    // Sets rel (over any the author wrote) and applies the stricter scheme check below.
    a: (_tagName, attribs) => {
      const { href, rel: _authorRel, ...rest } = attribs;
      const keep = href !== undefined && !hasForbiddenScheme(href);
      return { tagName: "a", attribs: { ...rest, ...(keep ? { href } : {}), rel: LINK_REL } };
    },
  },
};

/**
 * sanitize-html strips only ASCII controls and spaces before reading a scheme, as browsers do,
 * so `\u00a0javascript:` survives as a (harmless, relative) URL. Other readers of our HTML may
 * trim more, so a URL is also refused if it shows a scheme other than http, https or mailto once
 * all Unicode spaces, control and invisible format characters are removed.
 */
function hasForbiddenScheme(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\s\p{Cc}\p{Cf}]/gu, ""))?.[1];
  return scheme !== undefined && !["http", "https", "mailto"].includes(scheme.toLowerCase());
}

/** Markdown source → sanitised HTML, safe to put in the page with dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  const src = clamp(source).replaceAll("\0", "\uFFFD"); // CommonMark: NUL becomes U+FFFD
  let html: string;
  try {
    const tokens = markdown.lexer(src);
    let urlBudget = src.length + EXTRA_LINK_URL_BUDGET;
    markdown.walkTokens(tokens, (token) => {
      if (token.type !== "link" && token.type !== "image") return;
      const link = token as Tokens.Link | Tokens.Image;
      link.title = null; // never output; dropping it keeps it from multiplying too
      urlBudget -= link.href.length;
      if (urlBudget < 0) link.href = "";
    });
    html = markdown.parser(tokens);
  } catch {
    // Only pathological input gets here (e.g. thousands of nested quotes).
    html = `<p>${escapeHtml(src).replace(/\n/g, "<br>")}</p>`;
  }
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

function clamp(source: string): string {
  if (source.length <= MARKDOWN_MAX_LENGTH) return source;
  let end = MARKDOWN_MAX_LENGTH;
  const last = source.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
  return source.slice(0, end);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
