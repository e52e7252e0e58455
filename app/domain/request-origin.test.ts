import { describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "./request-origin";

const host = "nawat.lumsum.go.th";

describe("isCrossSiteMutation", () => {
  it("lets same-origin posts through", () => {
    expect(isCrossSiteMutation({ origin: `https://${host}`, secFetchSite: "same-origin", host })).toBe(false);
  });
  it("lets requests without Origin or Sec-Fetch-Site through (non-browser clients)", () => {
    expect(isCrossSiteMutation({ origin: null, secFetchSite: null, host })).toBe(false);
  });
  it("refuses a foreign Origin", () => {
    expect(isCrossSiteMutation({ origin: "https://evil.example", secFetchSite: null, host })).toBe(true);
    expect(isCrossSiteMutation({ origin: `https://${host}.evil.example`, secFetchSite: null, host })).toBe(true);
  });
  it("refuses Sec-Fetch-Site: cross-site even with no Origin", () => {
    expect(isCrossSiteMutation({ origin: null, secFetchSite: "cross-site", host })).toBe(true);
  });
  it("refuses an opaque or malformed Origin", () => {
    expect(isCrossSiteMutation({ origin: "null", secFetchSite: null, host })).toBe(true);
    expect(isCrossSiteMutation({ origin: "not a url", secFetchSite: null, host })).toBe(true);
  });
  it("compares the port too", () => {
    expect(isCrossSiteMutation({ origin: "http://localhost:3001", secFetchSite: null, host: "localhost:3000" })).toBe(true);
  });
});
