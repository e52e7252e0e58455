import { test as base, expect, type Page } from "@playwright/test";

/** The password every demo account has after the server seeds the demo organisation. */
export const DEMO_PASSWORD = "nawat-demo";

/**
 * Signs in through the real form at /login (Thai labels, the default language) and waits until
 * the browser has left /login. Returns once the next page has loaded.
 */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("รหัสพนักงาน").fill(username);
  await page.getByLabel("รหัสผ่าน", { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    page.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click(),
  ]);
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/**
 * Playwright's test, with one check of our own: CI retries a failed test once, on the same
 * database, so every test must pass when run a second time there. `E2E_FAIL_FIRST_TRY=1 npx
 * playwright test --retries=1` fails every first attempt after it has run, and shows which
 * tests a retry cannot pass (one that reuses an account or a name the first attempt changed).
 */
export const test = base.extend<{ failFirstTry: void }>({
  failFirstTry: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter
    async ({}, use, testInfo) => {
      await use();
      if (process.env.E2E_FAIL_FIRST_TRY === "1" && testInfo.retry === 0) throw new Error("E2E_FAIL_FIRST_TRY: the first attempt is failed on purpose");
    },
    { auto: true },
  ],
});

export { expect };
