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

// The menu and the idea list's cards are plain links (decision 016): with JavaScript the body
// routes them in the page, as <NavLink> and <Link> did (a mark left on the window survives the
// clicks); without it they are ordinary links. Either way the current menu entry is marked.
for (const javaScriptEnabled of [true, false]) {
  test(`the menu and the idea cards lead where they say (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, "LS025");
    const menu = page.getByRole("navigation", { name: "เมนูหลัก" });
    await expect(menu.getByRole("link", { name: "หน้าแรก" })).toHaveAttribute("aria-current", "page");
    if (javaScriptEnabled) await page.evaluate(() => Object.assign(window, { navigationMark: "kept" }));
    const windowMark = () => page.evaluate(() => (window as Window & { navigationMark?: string }).navigationMark ?? "reloaded");

    await menu.getByRole("link", { name: "ไอเดีย", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "ไอเดียทั้งหมด" })).toBeVisible();
    await expect(page).toHaveURL(/\/ideas$/);
    await expect(menu.getByRole("link", { name: "ไอเดีย", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);

    const firstCard = page.getByRole("article").first().getByRole("heading", { level: 2 }).getByRole("link");
    const title = (await firstCard.textContent())?.trim() ?? "";
    expect(title).not.toBe("");
    await firstCard.click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/ideas\/\d+$/);
    // An idea's page is under /ideas, which has entries under it: no entry is current there.
    await expect(menu.locator('[aria-current="page"]')).toHaveCount(0);
    if (javaScriptEnabled) expect(await windowMark()).toBe("kept");
    await context.close();
  });
}
