import { expect, signIn, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("English is one click away, kept on the account, with Gregorian dates", async ({ page }) => {
  await signIn(page, "LS039");
  await expect(page.getByText(/วันนี้ \d+ \S+ 25\d\d/)).toBeVisible();
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Home" })).toBeVisible();
  await expect(page.getByText(/Today is \d+ \w+ 20\d\d/)).toBeVisible();

  // The sign-in page after signing out stays in the visitor's language.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  // Kept per person, not only per browser: a fresh browser signs in (in Thai) and gets English.
  await page.context().clearCookies();
  await signIn(page, "LS039");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /ภาษาไทย/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
});

test("the plan page shows the plan's targets", async ({ page }) => {
  await signIn(page, "LS025");
  await page.goto("/plan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("องค์การบริหารส่วนตำบลลุ่มสุ่ม");
  const lg1 = page.getByRole("row").filter({ hasText: "ร้อยละบุคลากรภายใน" });
  await expect(lg1.getByRole("cell")).toContainText(["3", "40%", "50%", "60%", "70%", "80%"]);
});
