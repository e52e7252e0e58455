import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { decodeUtf8File } from "../domain/csv-safety";
import { MAX_IMPORT_BYTES, type FileError, type FileProblem, type RowError } from "../domain/roster-import";

/**
 * The two steps of an import page, both plain form posts (so they work without JavaScript):
 * - "check": a multipart upload of the file (at most 5 MB, kept in memory, never stored);
 * - "commit": the same file carried back from the preview in a hidden field (base64 of its
 *   UTF-8 text) with the preview's fingerprint; the server checks and plans it again.
 */
export type ImportRequest =
  | { step: "check"; text: string; fileName: string }
  | { step: "commit"; text: string; fileName: string; fingerprint: string }
  | { step: "problem"; problem: FileProblem };

// The carried file is base64 (4/3 of the bytes) plus a few small fields.
const MAX_COMMIT_BODY = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;
const MAX_UPLOAD_BODY = MAX_IMPORT_BYTES + 64 * 1024;

export function encodeCarriedFile(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

function decodeCarriedFile(value: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
  return decodeUtf8File(Buffer.from(value, "base64"));
}

function fileNameOf(value: unknown): string {
  return [...String(value ?? "")].filter((character) => character >= " ").join("").slice(0, 200);
}

/** Read an import page's post. Throws 413/400 responses only for bodies no form of ours sends. */
export async function readImportRequest(request: Request): Promise<ImportRequest> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (contentType.startsWith("multipart/form-data")) {
    if (length > MAX_UPLOAD_BODY) return { step: "problem", problem: "tooLarge" };
    let formData: FormData;
    try {
      formData = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES, filter: ({ name }) => name === "file" || name === "intent" }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return { step: "problem", problem: "tooLarge" };
      throw new Response("Bad request", { status: 400 });
    }
    const file = formData.get("file");
    if (!(file instanceof Blob) || file.size === 0) return { step: "problem", problem: "noFile" };
    const text = decodeUtf8File(new Uint8Array(await file.arrayBuffer()));
    if (text === null) return { step: "problem", problem: "notUtf8" };
    return { step: "check", text, fileName: fileNameOf((file as File).name) };
  }
  if (length > MAX_COMMIT_BODY) throw new Response("Payload too large", { status: 413 });
  const formData = await request.formData();
  if (formData.get("intent") !== "commit") return { step: "problem", problem: "noFile" };
  const text = decodeCarriedFile(String(formData.get("content") ?? ""));
  if (text === null || text === "") return { step: "problem", problem: "noFile" };
  return { step: "commit", text, fileName: fileNameOf(formData.get("fileName")), fingerprint: String(formData.get("fingerprint") ?? "").slice(0, 128) };
}

/** What an import page's action hands its page: the file's problems, or the preview with the file to carry back. */
export type ImportActionData<Preview> =
  | { kind: "invalid"; fileErrors: FileError[]; rowErrors: RowError[] }
  | { kind: "preview"; stale: boolean; preview: Preview; content: string; fileName: string };

/** What an import's check or commit comes to (a commit whose data changed since the preview is "stale"). */
export type ImportOutcome<Preview> =
  | { status: "invalid"; fileErrors: FileError[]; rowErrors: RowError[] }
  | { status: "preview" | "stale"; preview: Preview }
  | { status: "committed"; added: number; changed: number; unchanged: number };

/**
 * An import page's action after its access check: read the post, let `run` check or commit the
 * file, and answer with the problems (400), the preview carrying the file back, or a redirect to
 * `donePath` with the counts (the page's done notice reads them).
 */
export async function answerImport<Preview>(
  request: Request,
  donePath: string,
  run: (input: Exclude<ImportRequest, { step: "problem" }>) => Promise<ImportOutcome<Preview>>,
) {
  const input = await readImportRequest(request);
  if (input.step === "problem") return json<ImportActionData<Preview>>({ kind: "invalid", fileErrors: [{ problem: input.problem }], rowErrors: [] }, { status: 400 });
  const result = await run(input);
  switch (result.status) {
    case "invalid":
      return json<ImportActionData<Preview>>({ kind: "invalid", fileErrors: result.fileErrors, rowErrors: result.rowErrors }, { status: 400 });
    case "preview":
    case "stale":
      return json<ImportActionData<Preview>>({ kind: "preview", stale: result.status === "stale", preview: result.preview, content: encodeCarriedFile(input.text), fileName: input.fileName });
    case "committed":
      return redirect(`${donePath}?added=${result.added}&changed=${result.changed}&unchanged=${result.unchanged}`);
  }
}
