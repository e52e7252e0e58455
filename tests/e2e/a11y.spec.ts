import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

test("the sign-in page has no serious or critical accessibility issue", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const username of ["LS025", "LS006"]) {
  test(`the home, plan and account pages of ${username} have no serious or critical accessibility issue`, async ({ page }) => {
    // Eight pages, each scanned by axe: 20-35 s on a busy 2-CPU machine, over the 30 s default.
    test.slow();
    await signIn(page, username);
    for (const path of ["/", "/plan", "/account", "/account/data", "/ideas", "/ideas/new", "/ideas/mine", "/ideas/44", "/notifications"]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test("admin and HR pages have no serious or critical accessibility issue", async ({ page }) => {
  test.slow();
  await signIn(page, "LS006");
  for (const path of ["/admin/accounts", "/admin/plan", "/admin/settings", "/admin/audit"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
