import { expect, type Page } from "@playwright/test";

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

export { expect, test } from "@playwright/test";
