import { describe, expect, it } from "vitest";
import { isDocumentNavigation } from "./document-navigation";

const headers = (values: Record<string, string>) => new Headers(values);

describe("document navigation", () => {
  it("is a browser following a link or typing the address", () => {
    expect(isDocumentNavigation(headers({ "Sec-Fetch-Mode": "navigate", Accept: "text/html,application/xhtml+xml,*/*;q=0.8" }))).toBe(true);
    // An old browser without Fetch Metadata still asks for HTML.
    expect(isDocumentNavigation(headers({ Accept: "text/html,application/xhtml+xml" }))).toBe(true);
  });

  it("is not a fetch, an image or a script (curl, a test) that did not ask for a page", () => {
    expect(isDocumentNavigation(headers({ "Sec-Fetch-Mode": "cors", Accept: "text/html" }))).toBe(false);
    expect(isDocumentNavigation(headers({ "Sec-Fetch-Mode": "no-cors", Accept: "image/avif,image/webp,*/*" }))).toBe(false);
    expect(isDocumentNavigation(headers({ Accept: "*/*" }))).toBe(false);
    expect(isDocumentNavigation(headers({}))).toBe(false);
  });
});
