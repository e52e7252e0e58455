import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutNulInFormBody, withoutNulInUrl } from "./nul-characters";

describe("NUL characters from a request", () => {
  it("are dropped from an address, encoded in any case; a typed %00 (%2500) stays", () => {
    expect(withoutNulInUrl("/ideas?q=a%00b&x=%00")).toBe("/ideas?q=ab&x=");
    expect(withoutNulInUrl("/ideas/similar?title=abc%00%00")).toBe("/ideas/similar?title=abc");
    expect(withoutNulInUrl("/ideas?q=100%2500")).toBe("/ideas?q=100%2500");
  });

  it("are dropped from a form body, encoded or raw, and the rest is read as it was", () => {
    const body = Buffer.from("title=abc%00def&body=hello\u0000world&thai=%E0%B8%81%00", "latin1");
    const fields = new URLSearchParams(withoutNulInFormBody(body).toString("latin1"));
    expect(fields.get("title")).toBe("abcdef");
    expect(fields.get("body")).toBe("helloworld");
    expect(fields.get("thai")).toBe("ก");
  });

  it("every field is read back without its NULs and otherwise unchanged", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 4 }), fc.string({ unit: fc.constantFrom("a", "ก", "\u0000", "%", "&", "=", "+", " ", "0"), maxLength: 20 }), { maxKeys: 5 }), (fields) => {
        const encoded = Buffer.from(new URLSearchParams(fields).toString(), "latin1");
        const read = new URLSearchParams(withoutNulInFormBody(encoded).toString("latin1"));
        for (const [name, value] of Object.entries(fields)) expect(read.get(name)).toBe(value.replaceAll("\u0000", ""));
        for (const [name, value] of read) expect(`${name}${value}`).not.toContain("\u0000");
      }),
    );
  });

  it("a body without NUL is handed back as the same buffer", () => {
    const body = Buffer.from("a=1&b=%2500");
    expect(withoutNulInFormBody(body)).toBe(body);
  });
});
