/*
 * NUL (U+0000) in text a person sends. PostgreSQL cannot store it in a text column and refuses
 * any query that carries it, so a search, a form or a sign-in with one became a server error.
 * No keyboard types it and no field needs it: the server drops it from the address and from
 * form bodies before any route reads them (server/index.ts), as it trims spaces elsewhere.
 */

/** An address without encoded NULs ("%00", any case): "/ideas?q=a%00b" → "/ideas?q=ab". */
export function withoutNulInUrl(url: string): string {
  return url.replace(/%00/gi, "");
}

/**
 * An application/x-www-form-urlencoded body without NULs, encoded ("%00") or raw (a byte 0,
 * which URLSearchParams would read as a NUL too). The same buffer when it has none.
 * "%2500" (a typed "%00") is kept: it is not an encoded NUL.
 */
// A NUL is exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const NUL_IN_FORM_BODY = /%00|\u0000/gi;

export function withoutNulInFormBody(body: Buffer): Buffer {
  const text = body.toString("latin1");
  if (!text.includes("\u0000") && !/%00/i.test(text)) return body;
  return Buffer.from(text.replace(NUL_IN_FORM_BODY, ""), "latin1");
}
