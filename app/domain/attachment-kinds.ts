/**
 * Evidence files (PRODUCT.md §4): which kinds are accepted, how a kind is recognised, and how a
 * file's name is cleaned and sent back. The kind is decided by the file's CONTENT (its magic
 * bytes, read by `file-type` in app/services/attachments.server.ts), never by its name or by the
 * type the browser claims, so a page of HTML renamed "report.pdf" is refused and a PDF renamed
 * "scan.png" is stored as a PDF. This module stays free of `file-type` so pages may import it.
 */
/** 10 MiB per file: enough for a scanned meeting report, small enough for one backup. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentKind = {
  id: "pdf" | "png" | "jpeg" | "webp" | "gif" | "docx" | "xlsx" | "pptx" | "odt" | "ods" | "doc" | "xls";
  contentType: string;
  /** The first is the one added to a name that has none of them. */
  extensions: readonly string[];
  /** Shown in the browser rather than downloaded (raster images only). */
  inline: boolean;
};

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { id: "pdf", contentType: "application/pdf", extensions: ["pdf"], inline: false },
  { id: "png", contentType: "image/png", extensions: ["png"], inline: true },
  { id: "jpeg", contentType: "image/jpeg", extensions: ["jpg", "jpeg"], inline: true },
  { id: "webp", contentType: "image/webp", extensions: ["webp"], inline: true },
  { id: "gif", contentType: "image/gif", extensions: ["gif"], inline: true },
  {
    id: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    inline: false,
  },
  {
    id: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    inline: false,
  },
  {
    id: "pptx",
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    inline: false,
  },
  { id: "odt", contentType: "application/vnd.oasis.opendocument.text", extensions: ["odt"], inline: false },
  { id: "ods", contentType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"], inline: false },
  { id: "doc", contentType: "application/msword", extensions: ["doc"], inline: false },
  { id: "xls", contentType: "application/vnd.ms-excel", extensions: ["xls"], inline: false },
];

/** For the file input's `accept` (a hint to the browser only; the server decides by content). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_KINDS.flatMap((kind) => kind.extensions.map((extension) => `.${extension}`)).join(",");

const KIND_BY_CONTENT_TYPE = new Map(ATTACHMENT_KINDS.map((kind) => [kind.contentType, kind]));

export function kindOfContentType(contentType: string): AttachmentKind | undefined {
  return KIND_BY_CONTENT_TYPE.get(contentType);
}

/**
 * The accepted kind for what content sniffing found (`detectedMime` from file-type, or
 * undefined when it recognised nothing), or null. Legacy Word and Excel files are both OLE
 * compound files (`application/x-cfb`); the name of their main stream tells them apart.
 */
export function kindOfDetectedContent(detectedMime: string | undefined, bytes: Uint8Array): AttachmentKind | null {
  if (!detectedMime || bytes.byteLength === 0) return null;
  if (detectedMime === "application/x-cfb") return compoundFileKind(bytes);
  return KIND_BY_CONTENT_TYPE.get(detectedMime) ?? null;
}

function compoundFileKind(bytes: Uint8Array): AttachmentKind | null {
  const has = (streamName: string) => indexOfUtf16le(bytes, streamName) >= 0;
  if (has("WordDocument")) return kindOfContentType("application/msword") ?? null;
  if (has("Workbook") || has("Book\u0000")) return kindOfContentType("application/vnd.ms-excel") ?? null;
  return null;
}

function indexOfUtf16le(bytes: Uint8Array, text: string): number {
  const needle = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) needle[index * 2] = text.charCodeAt(index);
  outer: for (let start = 0; start + needle.length <= bytes.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (bytes[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}

const MAX_NAME_LENGTH = 150;

/**
 * A file name fit to store and show: the last path segment only, NFC, without control or
 * bidirectional-override characters (which can disguise "fdp.exe" as "exe.pdf"), at most 150
 * characters, and with an extension that matches the content ("scan.png" holding a PDF becomes
 * "scan.pdf").
 */
export function cleanFileName(name: string, kind: AttachmentKind): string {
  let base = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  base = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
  base = base.replace(/\s+/g, " ").trim().replace(/^[.\s]+/, "");
  const match = /^(.*)\.([A-Za-z0-9]{1,8})$/.exec(base);
  // A name's own extension ("1.5" is a version, not one) is replaced by the content's.
  const hasExtension = match !== null && /[A-Za-z]/.test(match[2]);
  let stem = (hasExtension ? match[1] : base).trim();
  if (stem === "") stem = "file";
  const keptExtension = hasExtension && kind.extensions.includes(match[2].toLowerCase()) ? match[2].toLowerCase() : kind.extensions[0];
  const suffix = `.${keptExtension}`;
  const stemChars = [...stem];
  if (stemChars.length + suffix.length > MAX_NAME_LENGTH) stem = stemChars.slice(0, MAX_NAME_LENGTH - suffix.length).join("").trim();
  return `${stem}${suffix}`;
}

/**
 * `Content-Disposition` for a stored name: an ASCII fallback in `filename` (quotes, backslashes
 * and anything outside printable ASCII replaced) and the exact name, percent-encoded as UTF-8,
 * in `filename*` (RFC 6266 / RFC 8187). Nothing a name holds can end the header or add another.
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const name = fileName.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim() || "file";
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  let fallback = name.replace(/[^A-Za-z0-9._ -]+/g, "_").replace(/_+/g, "_");
  if (!/[A-Za-z0-9]/.test(dot > 0 ? fallback.slice(0, fallback.lastIndexOf(".")) : fallback)) fallback = `file${extension}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "1.2 MB", "340 KB" — sizes for people (the unit words are international). */
export function formatFileSize(bytes: number, formatNumber: (value: number) => string): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(bytes)} B`;
}
