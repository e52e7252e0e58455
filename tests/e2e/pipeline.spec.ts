import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// The committee takes a demo idea from "submitted" to "approved" — screening with a meeting
// citation, committee review with scores, approval with its project — with JavaScript and
// without (two different ideas), and the author sees each move in their notifications.
const RUNS = [
  {
    javaScriptEnabled: true,
    title: "ปฏิทินวันเบี้ยยังชีพเข้าบัญชี ติดบ้านผู้สูงอายุ และประกาศเสียงตามสาย",
    author: "LS040",
    meeting: "ครั้งที่ 11/2569",
    scores: [5, 4, 5, 4, 5],
  },
  {
    javaScriptEnabled: false,
    title: "จดมาตรวัดน้ำพร้อมถ่ายภาพหน้าปัด ลดการจดผิดและข้อโต้แย้งค่าน้ำ",
    author: "LS031",
    meeting: "ครั้งที่ 12/2569",
    scores: [4, 3, 4, 5, 4],
  },
] as const;

const CRITERIA = ["ประโยชน์ต่อประชาชน", "ความใหม่", "ความเป็นไปได้", "ความคุ้มค่า/ต้นทุน", "ความสอดคล้องกับแผน"];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

/** `author` submits an idea titled `title` through the form, as any member of staff does. */
async function submitIdea(browser: Browser, author: string, title: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, author);
  await page.goto("/ideas/new");
  await page.getByLabel("ชื่อไอเดีย").fill(title);
  await page.getByLabel("ปัญหาที่พบ").fill("ผู้สูงอายุไม่ทราบวันที่เบี้ยยังชีพเข้าบัญชี ต้องเดินทางมาถามที่สำนักงานบ่อยครั้ง");
  await page.getByLabel("วิธีแก้ที่เสนอ").fill("ทำปฏิทินวันเงินเข้าติดบ้านและประกาศเสียงตามสายล่วงหน้าหนึ่งวัน");
  await page.getByLabel("ประโยชน์ที่คาดว่าจะได้รับ").fill("ลดการเดินทางมาสอบถามที่สำนักงาน");
  // Approval needs the plan the project will serve.
  await page.getByLabel("สอดคล้องกับแผนงาน (ถ้ามี)").selectOption({ label: "2.3 แผนงานอุตสาหกรรมและการโยธา" });
  await page.getByRole("button", { name: "ส่งไอเดีย" }).click();
  await expect(page.getByText("ส่งไอเดียแล้ว ขอบคุณที่ร่วมเสนอ")).toBeVisible();
  await context.close();
}

for (const run of RUNS) {
  test.describe(`the committee pipeline (JavaScript ${run.javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled: run.javaScriptEnabled });

    test(`LS005 takes “${run.title.slice(0, 20)}…” from submitted to approved; ${run.author} is told of each move`, async ({ browser }, testInfo) => {
      test.setTimeout(90_000);
      // A retry runs on the same database, where the first attempt may have moved the demo idea
      // already: the author submits a copy under a title of its own, and the retry takes that.
      const title = testInfo.retry > 0 ? `${run.title} รอบ ${testInfo.retry}` : run.title;
      if (testInfo.retry > 0) await submitIdea(browser, run.author, title);
      const context = await browser.newContext({ javaScriptEnabled: run.javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, "LS005");
      await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "งานคณะกรรมการ" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "งานคณะกรรมการนวัตกรรม" })).toBeVisible();

      // The board's cards are plain links and forms; with JavaScript the board routes them in the
      // page, as <Link> and <Form> would: a mark left on the window survives a click and a move.
      const markWindow = () => page.evaluate(() => Object.assign(window, { boardMark: "kept" }));
      const windowMark = () => page.evaluate(() => (window as Window & { boardMark?: string }).boardMark ?? "reloaded");

      // On the board, in the "submitted" column; its title opens the review page.
      if (run.javaScriptEnabled) await markWindow();
      const submittedColumn = page.getByRole("region", { name: "เสนอแล้ว" });
      await submittedColumn.getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      if (run.javaScriptEnabled) expect(await windowMark()).toBe("kept");

      // 1. Screening, citing the meeting. A bad date is refused beside the field, nothing lost.
      await page.getByText("เลื่อนไป “กำลังกลั่นกรอง”").click();
      const screening = page.getByRole("form", { name: "เลื่อนไป “กำลังกลั่นกรอง”" });
      await screening.getByLabel("เหตุผล (ถ้ามี)").fill("เป็นปัญหาจริงของผู้สูงอายุในพื้นที่");
      await screening.getByLabel("ครั้งที่ประชุม").fill(run.meeting);
      await screening.getByLabel("วันที่ประชุม").fill("2099-01-01");
      await screening.getByLabel("มติที่ประชุม").fill("ให้กลั่นกรองในรายละเอียดและเชิญผู้เสนอนำเสนอ");
      await screening.getByRole("button", { name: "บันทึกการเลื่อนขั้นตอน" }).click();
      await expect(page.getByText("วันที่ประชุมต้องไม่เลยวันนี้")).toBeVisible();
      const retry = page.getByRole("form", { name: "เลื่อนไป “กำลังกลั่นกรอง”" });
      await expect(retry.getByLabel("ครั้งที่ประชุม")).toHaveValue(run.meeting);
      await expect(retry.getByLabel("เหตุผล (ถ้ามี)")).toHaveValue("เป็นปัญหาจริงของผู้สูงอายุในพื้นที่");
      await retry.getByLabel("วันที่ประชุม").fill("2026-11-24");
      await retry.getByRole("button", { name: "บันทึกการเลื่อนขั้นตอน" }).click();
      await expect(page.getByText("เลื่อนไปขั้นตอน “กำลังกลั่นกรอง” แล้ว")).toBeVisible();
      await expect(page.getByText(`มติที่ประชุม ${run.meeting}`)).toBeVisible();

      // 2. Committee review, from the card on the board (a plain form post).
      await page.getByRole("link", { name: "กลับไปกระดาน" }).click();
      const card = page.getByRole("region", { name: "กำลังกลั่นกรอง" }).getByRole("article").filter({ hasText: title });
      await card.getByLabel(`เลื่อน “${title}” ไปขั้นตอน`).selectOption({ label: "คณะกรรมการพิจารณา" });
      if (run.javaScriptEnabled) await markWindow();
      await card.getByRole("button", { name: "เลื่อน" }).click();
      await expect(page.getByText(`เลื่อน “${title}” ไปขั้นตอน “คณะกรรมการพิจารณา” แล้ว`)).toBeVisible();
      if (run.javaScriptEnabled) expect(await windowMark()).toBe("kept");
      await page.getByRole("region", { name: "คณะกรรมการพิจารณา" }).getByRole("link", { name: title }).click();

      // Scores: every criterion 1–5; the member's column appears with the mean.
      const scoreForm = page.getByRole("form", { name: "คะแนนของคุณ" });
      for (const [index, criterion] of CRITERIA.entries()) {
        await scoreForm.getByRole("group", { name: criterion }).getByLabel(String(run.scores[index]), { exact: true }).check();
      }
      await scoreForm.getByRole("button", { name: "บันทึกคะแนน" }).click();
      await expect(page.getByText("บันทึกคะแนนแล้ว")).toBeVisible();
      const scoreTable = page.getByRole("table", { name: "คะแนนรายกรรมการ" });
      await expect(scoreTable.getByRole("columnheader", { name: "นางสาวปิยะนุช บุญมา" })).toBeVisible();
      await expect(scoreTable.getByRole("row", { name: /ประโยชน์ต่อประชาชน/ })).toContainText(String(run.scores[0]));

      // A committee-only note.
      await page.getByLabel("บันทึกใหม่").fill("เสนอให้นำร่องสองหมู่บ้านก่อนขยายผล");
      await page.getByRole("button", { name: "บันทึก", exact: true }).click();
      await expect(page.getByText("เสนอให้นำร่องสองหมู่บ้านก่อนขยายผล")).toBeVisible();

      // 3. Approval, with its project (created in the same transaction as the move).
      await page.getByText("เลื่อนไป “อนุมัติแล้ว”").click();
      const approve = page.getByRole("form", { name: "เลื่อนไป “อนุมัติแล้ว”" });
      await expect(approve.getByLabel("ชื่อโครงการ")).toHaveValue(title);
      // The owner is typed (a datalist offers the staff): an employee code is enough.
      await approve.getByLabel("ผู้รับผิดชอบโครงการ").fill("LS040");
      await approve.getByLabel("งบประมาณ (บาท)").fill("35,000");
      await approve.getByLabel("วันเริ่มต้น").fill("2026-12-01");
      await approve.getByLabel("วันสิ้นสุด").fill("2027-06-30");
      await approve.getByLabel("ครั้งที่ประชุม").fill(run.meeting);
      await approve.getByLabel("วันที่ประชุม").fill("2026-11-24");
      await approve.getByLabel("มติที่ประชุม").fill("อนุมัติให้ดำเนินการเป็นโครงการนวัตกรรม");
      await approve.getByRole("button", { name: "บันทึกการเลื่อนขั้นตอน" }).click();
      await expect(page.getByText("เลื่อนไปขั้นตอน “อนุมัติแล้ว” แล้ว")).toBeVisible();
      await expect(page.getByText(`โครงการ: ${title}`)).toBeVisible();
      if (run.javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      await context.close();

      // The author sees every move, and never the committee's note.
      const authorContext = await browser.newContext({ javaScriptEnabled: run.javaScriptEnabled });
      const author = await authorContext.newPage();
      await signIn(author, run.author);
      await author.goto("/notifications");
      for (const stage of ["กำลังกลั่นกรอง", "คณะกรรมการพิจารณา", "อนุมัติแล้ว"]) {
        await expect(author.getByText(`นางสาวปิยะนุช บุญมา เปลี่ยนสถานะไอเดียเป็น “${stage}”`).filter({ hasText: title }).first()).toBeVisible();
      }
      // Opening a notification (through /notifications/:id/open) marks it read: the bell counts one fewer.
      const bell = author.locator("a.notification-bell");
      const unreadBefore = Number((await bell.getAttribute("aria-label"))?.match(/\d+/)?.[0] ?? 0);
      expect(unreadBefore).toBeGreaterThan(0);
      await author.getByRole("link", { name: title }).first().click();
      await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(bell).toHaveAttribute("aria-label", unreadBefore > 1 ? `การแจ้งเตือน ยังไม่อ่าน ${unreadBefore - 1} รายการ` : "การแจ้งเตือน");
      await expect(author.getByText("อนุมัติแล้ว").first()).toBeVisible();
      await expect(author.getByText("เสนอให้นำร่องสองหมู่บ้านก่อนขยายผล")).toHaveCount(0);
      await authorContext.close();
    });
  });
}

test("a staff account is refused the committee's pages", async ({ page }) => {
  await signIn(page, "LS025");
  const response = await page.goto("/committee");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "ไม่มีสิทธิ์เข้าถึง" })).toBeVisible();
  expect((await page.goto("/committee/ideas/44"))?.status()).toBe(403);
  expect((await page.goto("/admin/criteria"))?.status()).toBe(403);
});

test("the board, the list and the criteria pages have no serious or critical accessibility issue", async ({ page, browser }) => {
  test.slow(); // several pages, each scanned by axe
  await signIn(page, "LS005");
  for (const path of ["/committee", "/committee/list", "/committee/ideas/44"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "LS006");
  await admin.goto("/admin/criteria");
  await expect(admin.getByRole("heading", { level: 1, name: "เกณฑ์การให้คะแนน" })).toBeVisible();
  expect(await seriousViolations(admin), "/admin/criteria").toEqual([]);
  await adminContext.close();
});
