import { describe, expect, it } from "vitest";
import { accountStatus, canSignIn, hasLeft } from "./account-status";

describe("accountStatus", () => {
  it("is disabled when the admin disabled it, else left when the person left, else active", () => {
    expect(accountStatus({ disabled: false, left: false })).toBe("active");
    expect(accountStatus({ disabled: true, left: false })).toBe("disabled");
    expect(accountStatus({ disabled: false, left: true })).toBe("left");
    expect(accountStatus({ disabled: true, left: true })).toBe("disabled");
  });
  it("only an active account signs in", () => {
    expect([canSignIn("active"), canSignIn("disabled"), canSignIn("left")]).toEqual([true, false, false]);
  });
});

describe("hasLeft", () => {
  const today = "2026-12-07";
  it("a person whose every employment ended before today has left; the last working day still counts", () => {
    expect(hasLeft([{ end: "2026-11-01" }], today)).toBe(true);
    expect(hasLeft([{ end: "2020-01-31" }, { end: "2026-12-06" }], today)).toBe(true);
    expect(hasLeft([{ end: "2026-12-07" }], today)).toBe(false);
    expect(hasLeft([{ end: "2026-11-01" }, { end: null }], today)).toBe(false);
  });
  it("no employment recorded is not leaving", () => {
    expect(hasLeft([], today)).toBe(false);
  });
});
