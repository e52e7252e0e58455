import { expect, signIn, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("English is one click away, kept on the account, with Gregorian dates", async ({ page }) => {
  await signIn(page, "LS039");
  await expect(page.getByText(/วันนี้ \d+ \S+ 25\d\d/)).toBeVisible();
  await expect(page).toHaveTitle("นวัต");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Nawat");
  await expect(page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Home" })).toBeVisible();
  await expect(page.getByText(/Today is \d+ \w+ 20\d\d/)).toBeVisible();

  // The sign-in page after signing out stays in the visitor's language.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page).toHaveTitle("Sign in · Nawat");

  // Kept per person, not only per browser: a fresh browser signs in (in Thai) and gets English.
  await page.context().clearCookies();
  await signIn(page, "LS039");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /ภาษาไทย/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });
  test("page titles follow the reader's language when the browser moves between pages", async ({ page }) => {
    await signIn(page, "LS039");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // Moves in the browser, not by reloading: the title is then worked out in the browser.
    await page.evaluate(() => Object.assign(window, { navigationMark: "kept" }));
    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "My ideas" }).click();
    await expect(page).toHaveURL(/\/ideas\/mine$/);
    await expect(page).toHaveTitle("My ideas · Nawat");
    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Projects and innovations" }).click();
    await expect(page).toHaveTitle("Projects and innovations · Nawat");
    expect(await page.evaluate(() => (window as Window & { navigationMark?: string }).navigationMark)).toBe("kept");
    await page.getByRole("button", { name: /ภาษาไทย/ }).click();
    await expect(page).toHaveTitle("โครงการและนวัตกรรม · นวัต");
  });
});

test("the plan page shows the plan's targets", async ({ page }) => {
  await signIn(page, "LS025");
  await page.goto("/plan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("องค์การบริหารส่วนตำบลลุ่มสุ่ม");
  const lg1 = page.getByRole("row").filter({ hasText: "ร้อยละบุคลากรภายใน" });
  await expect(lg1.getByRole("cell")).toContainText(["3", "40%", "50%", "60%", "70%", "80%"]);
});
