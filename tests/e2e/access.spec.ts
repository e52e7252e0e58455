import { expect, signIn, test } from "./fixtures";

test("a staff account gets the friendly 403 page on admin and HR pages", async ({ page }) => {
  await signIn(page, "LS025");
  for (const path of ["/admin/accounts", "/admin/plan", "/admin/audit", "/admin/settings", "/roster", "/division"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "ไม่มีสิทธิ์เข้าถึง" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("at ");
  }
});

test("an unknown page is a friendly 404 inside the layout", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ไม่พบหน้านี้" })).toBeVisible();
  await expect(page).toHaveTitle("ไม่พบหน้านี้ · นวัต");
});

test("a link to a file one may not open, or that is gone, is the app's error page with the menu; an allowed file still downloads", async ({ page, browser }) => {
  // The committee sees an idea's approval minutes on an innovation's evidence trail.
  await signIn(page, "LS005");
  let href: string | null = null;
  for (let innovationId = 1; innovationId <= 12 && href === null; innovationId++) {
    await page.goto(`/innovations/${innovationId}/trail`);
    const link = page.locator('a[href^="/attachments/"]', { hasText: "รายงานการประชุมคณะกรรมการนวัตกรรม" }).first();
    if ((await link.count()) > 0) href = await link.getAttribute("href");
  }
  expect(href, "a committee decision's evidence in the demo data").not.toBeNull();
  const download = await page.request.get(href!, { headers: { "Sec-Fetch-Mode": "navigate", Accept: "text/html" } });
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");

  // HR is not on the committee: following the same link shows the 403 page in the app's layout.
  const hrContext = await browser.newContext();
  const hr = await hrContext.newPage();
  await signIn(hr, "LS004");
  const refused = await hr.goto(href!);
  expect(refused?.status()).toBe(403);
  await expect(hr.getByRole("heading", { name: "ไม่มีสิทธิ์เข้าถึง" })).toBeVisible();
  await expect(hr.getByRole("navigation", { name: "เมนูหลัก" })).toBeVisible();
  await expect(hr).toHaveTitle("ไม่มีสิทธิ์เข้าถึง · นวัต");
  const gone = await hr.goto("/attachments/987654");
  expect(gone?.status()).toBe(404);
  await expect(hr.getByRole("heading", { name: "ไม่พบหน้านี้" })).toBeVisible();
  await expect(hr.getByRole("link", { name: "กลับหน้าแรก" })).toBeVisible();
  await hrContext.close();
});

test("signing in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Faudit$/);
  await page.getByLabel("รหัสพนักงาน").fill("LS006");
  await page.getByLabel("รหัสผ่าน", { exact: true }).fill("nawat-demo");
  await page.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "บันทึกการใช้งาน" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "sign_in.success" }).first()).toBeVisible();
});

test("a wrong password and an unknown user get the same message, keeping what was typed", async ({ page }) => {
  for (const [username, password] of [
    ["LS025", "wrong-password"],
    ["NOBODY99", "nawat-demo"],
  ]) {
    await page.goto("/login");
    await page.getByLabel("รหัสพนักงาน").fill(username);
    await page.getByLabel("รหัสผ่าน", { exact: true }).fill(password);
    await page.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText("รหัสพนักงานหรือรหัสผ่านไม่ถูกต้อง");
    await expect(page.getByLabel("รหัสพนักงาน")).toHaveValue(username);
  }
});

test("empty fields are named next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click();
  await expect(page.getByText("กรุณากรอกรหัสพนักงาน")).toBeVisible();
  await expect(page.getByLabel("รหัสพนักงาน")).toHaveAttribute("aria-invalid", "true");
});

test("after five wrong passwords the account is throttled, even with the right one", async ({ page }) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.goto("/login");
    await page.getByLabel("รหัสพนักงาน").fill("LS030");
    await page.getByLabel("รหัสผ่าน", { exact: true }).fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click();
    await expect(page.getByRole("alert")).toBeVisible();
  }
  await page.goto("/login");
  await page.getByLabel("รหัสพนักงาน").fill("LS030");
  await page.getByLabel("รหัสผ่าน", { exact: true }).fill("nawat-demo");
  await page.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("ลองเข้าสู่ระบบผิดหลายครั้งเกินไป");
  await expect(page).toHaveURL(/\/login/);
});

test("a cross-site form post is refused before any action runs", async ({ request }) => {
  const foreignOrigin = await request.post("/login", {
    form: { username: "LS025", password: "nawat-demo" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(foreignOrigin.status()).toBe(403);
  const crossSite = await request.post("/logout", { headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
});

test("session cookies are HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, "LS025");
  const session = (await context.cookies()).find((cookie) => cookie.name === "nawat_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
