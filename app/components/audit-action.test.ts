import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { th } from "../i18n/catalogue/audit-actions";
import { en } from "../i18n/catalogue/audit-actions.en";
import { auditActionLabel } from "./audit-action";

/** Every action the app writes to the audit log: `action: "x.y"` and both sides of `action: c ? "a" : "b"`. */
function auditActionsInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const text = readFileSync(file, "utf8");
        if (!/recordAudit\(|insertAuditEntries\(|auditLog/.test(text)) continue;
        for (const match of text.matchAll(/\baction: (?:[^"\n,]*\?\s*)?"([a-z_]+(?:\.[a-z_]+)?)"(?:\s*:\s*"([a-z_]+(?:\.[a-z_]+)?)")?/g)) {
          found.add(match[1]);
          if (match[2]) found.add(match[2]);
        }
      }
    }
  };
  walk(path.resolve(__dirname, ".."));
  return found;
}

describe("audit action labels", () => {
  it("every action the app records has a Thai and an English name", () => {
    const actions = auditActionsInSource();
    // The scan finds the actions (sign-in, roster reads, the ternaries…), so the check below checks something.
    expect(actions.size).toBeGreaterThan(50);
    for (const action of ["sign_in.success", "sign_in.failure", "roster.person_viewed", "account.disabled", "account.enabled", "roster.imported"]) expect(actions).toContain(action);
    const missing = [...actions].filter((action) => !(`audit.action.${action}` in th) || !(`audit.action.${action}` in en));
    expect(missing).toEqual([]);
  });

  it("names an action in the reader's words, and shows an unknown one as its code", () => {
    const t = (key: string) => (key in th ? th[key as keyof typeof th] : key);
    expect(auditActionLabel(t, "roster.person_viewed")).toBe("เปิดดูข้อมูลบุคลากร");
    expect(auditActionLabel(t, "something.new")).toBe("something.new");
  });
});
