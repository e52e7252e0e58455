import { expect, test } from "./fixtures";

// Proves the harness: the built server starts on a fresh database and serves the Thai sign-in page.
test("the sign-in page is served in Thai", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "เข้าสู่ระบบ" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expect(page.getByLabel("รหัสพนักงาน")).toBeVisible();
});
