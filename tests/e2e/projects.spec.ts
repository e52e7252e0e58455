import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// The committee follows a demo idea's project to a delivered innovation and its evidence trail,
// in Thai — with JavaScript and without, each on its own demo project so the runs do not meet.

/** A tiny but valid one-page PDF (what a scanned report would be). */
function tinyPdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 56 780 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Today in Bangkok as YYYY-MM-DD (what a date input takes). */
function todayInBangkok(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** Serious accessibility problems (axe runs inside the page, so only with JavaScript on). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

// A retry runs on the same database, where the first attempt delivered its project's first
// innovation: it takes another demo project still in progress with none delivered.
for (const run of [
  { javaScriptEnabled: true, project: "โครงการแม่แบบเอกสารจัดซื้อจัดจ้างเติมข้อมูลอัตโนมัติ", retryProject: "โครงการสแกนหนังสือราชการเข้าแฟ้มกลาง", word: "แม่แบบ" },
  { javaScriptEnabled: false, project: "โครงการตรวจสิทธิผู้รับเบี้ยยังชีพรายเดือน", retryProject: "โครงการ QR code แจ้งไฟฟ้าสาธารณะดับ", word: "ตรวจสิทธิ" },
] as const) {
  test.describe(`projects (JavaScript ${run.javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled: run.javaScriptEnabled });

    test(`LS005 takes “${run.project}” to a delivered innovation with its five-step evidence trail`, async ({ page }, testInfo) => {
      const project = testInfo.retry > 0 ? run.retryProject : run.project;
      const today = todayInBangkok();
      await signIn(page, "LS005");
      await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "โครงการและนวัตกรรม" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "โครงการและนวัตกรรม" })).toBeVisible();
      await page.getByRole("link", { name: project }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
      await expect(page.getByText("กำลังดำเนินโครงการ").first()).toBeVisible();
      if (run.javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

      // A milestone: added, then marked done.
      const milestone = `ส่งมอบ${run.word}ให้ทุกกองใช้งาน`;
      await page.getByRole("textbox", { name: "ชื่อขั้นงาน" }).fill(milestone);
      await page.locator("#milestone-new-dueDate").fill("2026-12-31");
      await page.getByRole("button", { name: "เพิ่มขั้นงาน" }).click();
      await expect(page.getByText("บันทึกขั้นงานแล้ว")).toBeVisible();
      await expect(page.getByRole("rowheader", { name: milestone })).toBeVisible();
      await page.getByRole("button", { name: `ทำเครื่องหมายว่าเสร็จ: ${milestone}` }).click();
      await expect(page.getByRole("button", { name: `ยกเลิกว่าเสร็จ: ${milestone}` })).toBeVisible();

      // Deliver an innovation; a petty patent "filed" needs its filing date, and what was typed stays.
      await page.getByRole("link", { name: "ส่งมอบชิ้นงานนวัตกรรม" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "ส่งมอบชิ้นงานนวัตกรรม" })).toBeVisible();
      await expect(page.getByText("นี่คือชิ้นงานแรกของโครงการ")).toBeVisible();
      const innovation = `ชุด${run.word}อัตโนมัติ รุ่นที่ 1`;
      await page.getByLabel("ชื่อชิ้นงานนวัตกรรม (ภาษาไทย)").fill(innovation);
      await page.getByLabel("รายละเอียดชิ้นงาน").fill("ชิ้นงานที่ใช้งานได้จริงในทุกกอง ลดเวลาทำงานซ้ำ");
      await page.getByLabel("วันที่ส่งมอบ").fill(today);
      await page.getByLabel("ผู้ได้รับประโยชน์", { exact: true }).fill("เจ้าหน้าที่ 5 กอง และประชาชนที่มาติดต่อ");
      await page.getByLabel("สถานะ", { exact: true }).selectOption({ label: "ยื่นคำขออนุสิทธิบัตรแล้ว" });
      await page.getByRole("button", { name: "บันทึกการส่งมอบ" }).click();
      await expect(page.getByText("สถานะนี้ต้องมีวันที่ยื่นคำขอหรือวันที่จดแจ้ง")).toBeVisible();
      await expect(page.getByLabel("วันที่ยื่นคำขอ / วันที่จดแจ้ง")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("ชื่อชิ้นงานนวัตกรรม (ภาษาไทย)")).toHaveValue(innovation);
      await expect(page.getByLabel("สถานะ", { exact: true })).toHaveValue("petty_patent_filed");
      await page.getByLabel("วันที่ยื่นคำขอ / วันที่จดแจ้ง").fill(today);
      await page.getByLabel("เลขที่คำขอ / เลขที่สิทธิบัตร").fill("2603001999");
      await page.getByRole("button", { name: "บันทึกการส่งมอบ" }).click();
      await expect(page.getByText("บันทึกการส่งมอบแล้ว ไอเดียของโครงการเข้าสู่ขั้น")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: innovation })).toBeVisible();
      await expect(page.getByText("ยื่นคำขออนุสิทธิบัตรแล้ว").first()).toBeVisible();
      const innovationUrl = new URL(page.url()).pathname;

      // A follow-up report on use.
      await page.getByLabel("สิ่งที่พบจากการใช้งาน").fill("ทุกกองใช้งานแล้ว งานที่ต้องพิมพ์ซ้ำลดลงมาก");
      await page.getByLabel("ผู้ได้รับประโยชน์ (ถ้ามี)").fill("เจ้าหน้าที่ 18 คน");
      await page.getByRole("button", { name: "บันทึกรายงาน" }).click();
      await expect(page.getByText("บันทึกรายงานติดตามผลแล้ว")).toBeVisible();
      await expect(page.getByRole("article").getByText("ทุกกองใช้งานแล้ว")).toBeVisible();

      // Evidence: a web page calling itself a PDF is refused; a real PDF is kept and downloads.
      const files = page.locator("#attachments");
      await files.getByLabel("ไฟล์หลักฐาน").setInputFiles({ name: "รายงาน.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
      await files.getByRole("button", { name: "แนบไฟล์" }).click();
      await expect(page.locator("#attachments").getByRole("alert")).toContainText("ระบบตรวจจากเนื้อไฟล์");
      await page.locator("#attachments").getByLabel("ไฟล์หลักฐาน").setInputFiles({ name: "รายงานผลการใช้งาน.pdf", mimeType: "application/pdf", buffer: tinyPdf("report") });
      await page.locator("#attachments").getByRole("button", { name: "แนบไฟล์" }).click();
      await expect(page.getByText("แนบไฟล์แล้ว")).toBeVisible();
      const link = page.locator("#attachments").getByRole("link", { name: "รายงานผลการใช้งาน.pdf" });
      await expect(link).toBeVisible();
      const download = await page.request.get((await link.getAttribute("href"))!);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("application/pdf");
      expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("รายงานผลการใช้งาน.pdf")}`);
      expect(download.headers()["x-content-type-options"]).toBe("nosniff");
      if (run.javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

      // The five-step evidence trail: every step has its record.
      await page.getByRole("link", { name: "ดูเส้นทางหลักฐาน 5 ขั้น" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "เส้นทางหลักฐานนวัตกรรม" })).toBeVisible();
      const steps = page.getByRole("heading", { level: 2 });
      await expect(steps).toHaveCount(5);
      const titles = ["การเสนอไอเดีย", "ผลการกลั่นกรอง", "การนำเสนอต่อคณะกรรมการ", "โครงการนวัตกรรม", "การติดตามผลการใช้งาน"];
      for (const [index, title] of titles.entries()) {
        await expect(steps.nth(index)).toContainText(`ขั้นที่ ${index + 1}`);
        await expect(steps.nth(index)).toContainText(title);
        await expect(steps.nth(index)).toContainText("มีบันทึก");
      }
      await expect(page.locator("#step-4").getByRole("link", { name: "รายงานผลการใช้งาน.pdf" })).toBeVisible();
      await expect(page.locator("#step-5")).toContainText("ทุกกองใช้งานแล้ว");
      await expect(page.locator("#step-3")).toContainText("อนุมัติแล้ว");
      if (run.javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      // Printing shows no navigation.
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "เมนูหลัก" })).toBeHidden();
      await expect(page.getByRole("heading", { level: 1, name: "เส้นทางหลักฐานนวัตกรรม" })).toBeVisible();
      await page.emulateMedia({ media: "screen" });

      // The project's idea is now implemented.
      await page.goto(innovationUrl);
      await page.getByRole("link", { name: project }).first().click();
      await expect(page.getByText("เป็นนวัตกรรมแล้ว").first()).toBeVisible();
    });
  });
}

test("a staff account sees projects but is refused on the committee's forms", async ({ page }) => {
  await signIn(page, "LS025");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "โครงการและนวัตกรรม" })).toBeVisible();
  await expect(page.getByRole("link", { name: "สร้างโครงการใหม่" })).toHaveCount(0);
  await page.getByRole("link", { name: "โครงการนัดชำระภาษีรายหมู่บ้าน" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "โครงการนัดชำระภาษีรายหมู่บ้าน" })).toBeVisible();
  const projectPath = new URL(page.url()).pathname;
  await expect(page.getByRole("button", { name: "เพิ่มขั้นงาน" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "แก้ไขโครงการ" })).toHaveCount(0);
  for (const path of ["/projects/new", `${projectPath}/edit`, `${projectPath}/innovations/new`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "ไม่มีสิทธิ์เข้าถึง" })).toBeVisible();
  }
  // A forged post to a committee action is refused on the server.
  const response = await page.request.post(projectPath, { form: { intent: "addMilestone", title: "แอบเพิ่ม" } });
  expect(response.status()).toBe(403);
  await page.goto(projectPath);
  await expect(page.getByText("แอบเพิ่ม")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the committee creates a project directly; a bad form keeps what was typed", async ({ page }) => {
  await signIn(page, "LS005");
  await page.goto("/projects/new");
  await expect(page.getByRole("heading", { level: 1, name: "สร้างโครงการใหม่" })).toBeVisible();
  await page.getByLabel("ชื่อโครงการ (ภาษาไทย)").fill("โครงการตลาดนัดสินค้าชุมชนออนไลน์");
  await page.getByLabel("แผนงานตามแผนแม่บท").selectOption({ label: "2.1 แผนงานสร้างความเข้มแข็งของชุมชน" });
  // The owner is typed, as the datalist offers it ("code name"); the small demo staff has a checklist for the team.
  await page.getByLabel("ผู้รับผิดชอบโครงการ").fill("LS039 นางสาวขวัญใจ ศรีสวัสดิ์");
  await page.getByRole("checkbox", { name: "นางสาวศศิธร ยิ้มแย้ม (LS040)" }).check();
  await page.getByLabel("งบประมาณ (บาท)").fill("ห้าหมื่น");
  await page.getByLabel("วันที่เริ่มโครงการ").fill("2027-01-04");
  await page.getByLabel("วันที่สิ้นสุดโครงการ").fill("2026-12-31");
  await page.getByRole("button", { name: "สร้างโครงการ" }).click();
  await expect(page.getByText("งบประมาณต้องเป็นตัวเลขไม่ติดลบ")).toBeVisible();
  await expect(page.getByText("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม")).toBeVisible();
  await expect(page.getByLabel("ชื่อโครงการ (ภาษาไทย)")).toHaveValue("โครงการตลาดนัดสินค้าชุมชนออนไลน์");
  await expect(page.getByRole("checkbox", { name: "นางสาวศศิธร ยิ้มแย้ม (LS040)" })).toBeChecked();
  await expect(page.getByLabel("ผู้รับผิดชอบโครงการ")).toHaveValue("LS039 นางสาวขวัญใจ ศรีสวัสดิ์");
  await page.getByLabel("งบประมาณ (บาท)").fill("50,000");
  await page.getByLabel("วันที่สิ้นสุดโครงการ").fill("2027-09-30");
  await page.getByRole("button", { name: "สร้างโครงการ" }).click();
  await expect(page.getByText("สร้างโครงการแล้ว")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "โครงการตลาดนัดสินค้าชุมชนออนไลน์" })).toBeVisible();
  await expect(page.getByText("50,000.00 บาท")).toBeVisible();
  await expect(page.getByText("นางสาวศศิธร ยิ้มแย้ม")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("two committee members edit the same project: the later save from a stale form is refused and keeps what was typed", async ({ browser }) => {
  const project = "โครงการนัดชำระภาษีรายหมู่บ้าน";
  const openEdit = async (username: string) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, username);
    await page.goto("/projects");
    await page.getByRole("link", { name: project }).first().click();
    await page.getByRole("link", { name: "แก้ไขโครงการ" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "แก้ไขโครงการ" })).toBeVisible();
    return { context, page };
  };
  const first = await openEdit("LS005");
  const second = await openEdit("LS023");
  await first.page.getByLabel("ความคืบหน้า (ร้อยละ 0–100)").fill("50");
  await first.page.getByRole("button", { name: "บันทึกโครงการ" }).click();
  await expect(first.page.getByText("บันทึกการแก้ไขโครงการแล้ว")).toBeVisible();

  await second.page.getByLabel("ความคืบหน้า (ร้อยละ 0–100)").fill("10");
  await second.page.getByRole("button", { name: "บันทึกโครงการ" }).click();
  const notice = second.page.getByRole("alert").filter({ hasText: "มีผู้บันทึกโครงการนี้หลังจากที่คุณเปิดแบบฟอร์ม" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("listitem")).toHaveText(["ความคืบหน้า (ร้อยละ 0–100): 50"]);
  await expect(second.page.getByLabel("ความคืบหน้า (ร้อยละ 0–100)")).toHaveValue("10");

  // Having seen what is saved, the second member saves again: it goes through.
  await second.page.getByRole("button", { name: "บันทึกโครงการ" }).click();
  await expect(second.page.getByText("บันทึกการแก้ไขโครงการแล้ว")).toBeVisible();
  await Promise.all([first.context.close(), second.context.close()]);
});

test("two committee members edit the same milestone: the later save from a stale form is refused and keeps what was typed", async ({ browser }) => {
  const project = "โครงการนัดชำระภาษีรายหมู่บ้าน";
  const milestone = `ประชุมผู้ใหญ่บ้าน ${Date.now() % 100000}`;
  const openProject = async (username: string) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, username);
    await page.goto("/projects");
    await page.getByRole("link", { name: project }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
    return { context, page };
  };
  const first = await openProject("LS005");
  await first.page.getByRole("textbox", { name: "ชื่อขั้นงาน" }).last().fill(milestone);
  await first.page.getByRole("button", { name: "เพิ่มขั้นงาน" }).click();
  await expect(first.page.getByRole("rowheader", { name: milestone })).toBeVisible();
  const second = await openProject("LS023");
  const editForm = (page: Page) => page.locator("details.milestone-edit").filter({ has: page.getByLabel(`แก้ไขขั้นงาน: ${milestone}`) });
  for (const { page } of [first, second]) await page.getByLabel(`แก้ไขขั้นงาน: ${milestone}`).click();

  await editForm(first.page).getByLabel("กำหนดเสร็จ (ถ้ามี)").fill("2027-01-31");
  await editForm(first.page).getByRole("button", { name: "บันทึกขั้นงาน" }).click();
  await expect(first.page.getByText("บันทึกขั้นงานแล้ว")).toBeVisible();

  const typed = `${milestone} (ทุกหมู่)`;
  await editForm(second.page).getByLabel("ชื่อขั้นงาน").fill(typed);
  await editForm(second.page).getByRole("button", { name: "บันทึกขั้นงาน" }).click();
  const notice = second.page.getByRole("alert").filter({ hasText: "มีผู้แก้ไขขั้นงานนี้หลังจากที่คุณเปิดแบบฟอร์ม" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("listitem")).toHaveText([`ชื่อขั้นงาน: ${milestone}`, "กำหนดเสร็จ (ถ้ามี): 31 ม.ค. 2570"]);
  await expect(editForm(second.page).getByLabel("ชื่อขั้นงาน")).toHaveValue(typed);

  // Having seen what is saved, the second member keeps the new due date and saves again: it goes through.
  await editForm(second.page).getByLabel("กำหนดเสร็จ (ถ้ามี)").fill("2027-01-31");
  await editForm(second.page).getByRole("button", { name: "บันทึกขั้นงาน" }).click();
  await expect(second.page.getByRole("rowheader", { name: typed })).toBeVisible();
  await Promise.all([first.context.close(), second.context.close()]);
});
