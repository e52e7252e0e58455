import { expect, signIn, test } from "./fixtures";
import { DEMO_ROLES } from "./roles";

// Each role signs in, sees its own navigation in Thai, and signs out — with and without JavaScript.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`navigation per role (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    for (const demo of DEMO_ROLES) {
      test(`${demo.role} (${demo.username}) sees exactly their menu`, async ({ page }) => {
        await signIn(page, demo.username);
        await expect(page).toHaveURL(/\/$/);
        await expect(page.locator("html")).toHaveAttribute("lang", "th");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`สวัสดี คุณ${demo.name}`);
        const menu = page.getByRole("navigation", { name: "เมนูหลัก" });
        await expect(menu.getByRole("link")).toHaveText([...demo.nav]);

        await page.getByRole("button", { name: "ออกจากระบบ" }).click();
        await expect(page).toHaveURL(/\/login\?signedOut=1$/);
        await expect(page.getByText("ออกจากระบบแล้ว")).toBeVisible();
        // The session is gone on the server: a protected page sends us back to sign in.
        await page.goto("/account");
        await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
      });
    }
  });
}
