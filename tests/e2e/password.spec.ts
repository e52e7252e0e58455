import { expect, signIn, test } from "./fixtures";

// An admin sets a password; the person must choose their own at first sign-in. With and
// without JavaScript, on two different accounts so the runs do not interfere. A retry runs on the
// same database, where the first attempt changed (or disabled) its account: it takes a second one.
const accountFor = (accounts: readonly [string, string], retry: number) => accounts[retry > 0 ? 1 : 0];

for (const [javaScriptEnabled, accounts] of [
  [true, ["LS033", "LS037"]],
  [false, ["LS034", "LS032"]],
] as const) {
  test.describe(`first sign-in password change (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test(`${accounts[0]}: admin resets, person must change it, old sessions end`, async ({ browser }, testInfo) => {
      const username = accountFor(accounts, testInfo.retry);
      // The person is signed in somewhere already.
      const personContext = await browser.newContext({ javaScriptEnabled });
      const personPage = await personContext.newPage();
      await signIn(personPage, username);

      const adminContext = await browser.newContext({ javaScriptEnabled });
      const admin = await adminContext.newPage();
      await signIn(admin, "LS006");
      await admin.goto("/admin/accounts");
      await admin.getByRole("link", { name: `จัดการ ${username}` }).click();
      await admin.getByLabel("รหัสผ่านใหม่", { exact: true }).fill("temporary-123");
      await admin.getByRole("button", { name: "ตั้งรหัสผ่านและให้ผู้ใช้เปลี่ยนเอง" }).click();
      await expect(admin.getByRole("status")).toContainText("ตั้งรหัสผ่านใหม่แล้ว");

      // The reset ended the person's existing session.
      await personPage.goto("/account");
      await expect(personPage).toHaveURL(/\/login/);

      await signIn(personPage, username, "temporary-123");
      await expect(personPage).toHaveURL(/\/account\/password$/);
      await expect(personPage.getByText("กรุณาตั้งรหัสผ่านใหม่ของคุณเองก่อนใช้งาน")).toBeVisible();
      // Nothing else is reachable until the password is changed.
      await personPage.goto("/plan");
      await expect(personPage).toHaveURL(/\/account\/password$/);

      await personPage.getByLabel("รหัสผ่านใหม่", { exact: true }).fill("short");
      await personPage.getByLabel("ยืนยันรหัสผ่านใหม่").fill("short");
      await personPage.getByRole("button", { name: "บันทึกรหัสผ่าน" }).click();
      await expect(personPage.getByText("รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร")).toBeVisible();

      await personPage.getByLabel("รหัสผ่านใหม่", { exact: true }).fill("ช้างเผือกสามตัว");
      await personPage.getByLabel("ยืนยันรหัสผ่านใหม่").fill("ช้างเผือกสามตัว");
      await personPage.getByRole("button", { name: "บันทึกรหัสผ่าน" }).click();
      await expect(personPage).toHaveURL(/\/account\?passwordChanged=1$/);
      await expect(personPage.getByText("เปลี่ยนรหัสผ่านแล้ว")).toBeVisible();
      await personPage.goto("/plan");
      await expect(personPage.getByRole("heading", { level: 1 })).toContainText("แผนแม่บทนวัตกรรม");

      await personContext.close();
      await adminContext.close();
    });
  });
}

test("disabling an account signs the person out everywhere and refuses sign-in", async ({ browser }, testInfo) => {
  const username = accountFor(["LS035", "LS038"], testInfo.retry);
  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await signIn(person, username);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "LS006");
  await admin.goto("/admin/accounts");
  await admin.getByRole("link", { name: `จัดการ ${username}` }).click();
  await admin.getByRole("button", { name: "ระงับบัญชี" }).click();
  await expect(admin.getByRole("status")).toContainText("ระงับบัญชีแล้ว");

  await person.goto("/account");
  await expect(person).toHaveURL(/\/login/);
  await person.getByLabel("รหัสพนักงาน").fill(username);
  await person.getByLabel("รหัสผ่าน", { exact: true }).fill("nawat-demo");
  await person.getByRole("button", { name: "เข้าสู่ระบบ", exact: true }).click();
  await expect(person.getByRole("alert")).toHaveText("บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ");

  await admin.getByRole("button", { name: "เปิดใช้บัญชีอีกครั้ง" }).click();
  await expect(admin.getByRole("status")).toContainText("เปิดใช้บัญชีแล้ว");
  await personContext.close();
  await adminContext.close();
});
