import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// The plan's indicators, the drill-down, the quarterly report for the Mayor and its print view,
// the director's division-only view and the staff's refusal — with JavaScript and without.

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

for (const run of [
  { javaScriptEnabled: true, label: "on", quarter: "2" },
  { javaScriptEnabled: false, label: "off", quarter: "3" },
] as const) {
  test.describe(`dashboard and reports (JavaScript ${run.label})`, () => {
    test.use({ javaScriptEnabled: run.javaScriptEnabled });

    test("the executive follows participation to the people behind it and prints the Q1 FY2570 report", async ({ page }) => {
      await signIn(page, "LS001");
      await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "ตัวชี้วัด" }).click();
      await page.getByLabel("ปีงบประมาณ", { exact: true }).selectOption("2570");
      await page.getByRole("button", { name: "แสดง" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("ตัวชี้วัดแผนแม่บทนวัตกรรม · ปีงบประมาณ พ.ศ. 2570");
      const lg1 = page.getByRole("region", { name: /^ร้อยละบุคลากรภายในที่มีส่วนร่วม/ });
      await expect(lg1.locator(".indicator__number")).toHaveText(/^\d+\.\d%$/);
      await expect(lg1).toContainText("เป้าหมาย 80.0%");
      await expect(lg1).toContainText(/ต้องการผู้มีส่วนร่วมเพิ่มอีก \d+ คนจึงถึงเป้าหมาย/);
      await expect(page.getByRole("link", { name: "ดาวน์โหลดตัวชี้วัดทุกปีของแผน (CSV)" })).toBeVisible();

      await lg1.getByRole("link", { name: "ดูรายชื่อผู้ที่นับ" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("รายชื่อผู้ที่นับใน LG1 ปีงบประมาณ พ.ศ. 2570");
      await expect(page.getByRole("heading", { level: 2, name: /^นับแล้ว \(\d+ คน\)$/ })).toBeVisible();
      const csvLink = page.getByRole("link", { name: "ดาวน์โหลด CSV" });
      const peopleCsv = await page.request.get((await csvLink.getAttribute("href"))!);
      expect(peopleCsv.status()).toBe(200);
      expect([...(await peopleCsv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      // The report: chosen with the plain year and quarter form.
      await page.goto("/reports/quarterly");
      await page.getByLabel("ปีงบประมาณ", { exact: true }).selectOption("2570");
      await page.getByLabel("ไตรมาส", { exact: true }).selectOption("1");
      await page.getByRole("button", { name: "แสดง" }).click();
      await expect(page).toHaveURL(/fy=2570&q=1/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("รายงานผลการดำเนินงานตามแผนแม่บทนวัตกรรม ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2570");
      await expect(page.getByText("ระหว่างวันที่ 1 ตุลาคม 2569 ถึงวันที่ 31 ธันวาคม 2569")).toBeVisible();
      await expect(page.getByRole("table", { name: "ปีงบประมาณ พ.ศ. 2570" }).getByRole("row", { name: /ร้อยละบุคลากรภายใน/ })).toContainText("80.0%");
      await expect(page.getByRole("heading", { level: 2, name: "2. ความเคลื่อนไหวในไตรมาส" })).toBeVisible();
      const reportCsv = await page.request.get("/reports/quarterly/csv?fy=2570&q=1");
      expect(reportCsv.headers()["content-type"]).toContain("text/csv");
      expect([...(await reportCsv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      // Print view: no navigation, no forms, the signature block on the page.
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "เมนูหลัก" })).toBeHidden();
      await expect(page.getByRole("button", { name: "แสดง" })).toBeHidden();
      const signatures = page.locator(".report-signatures");
      await expect(signatures).toBeVisible();
      await expect(signatures).toContainText("ผู้รายงาน");
      await expect(signatures).toContainText("ประธานคณะทำงานนวัตกรรม");
      await expect(signatures).toContainText("นายกองค์การบริหารส่วนตำบล");
      await page.screenshot({ path: `.tmp/quarterly-report-print-js-${run.label}.png`, fullPage: true });
      await page.emulateMedia({ media: "screen" });
    });

    test(`the committee writes a quarter's problems and next steps; a too-long text is refused and what was typed is kept (Q${run.quarter})`, async ({ page }) => {
      await signIn(page, "LS005");
      await page.goto(`/reports/quarterly?fy=2570&q=${run.quarter}`);
      const problems = "งบประมาณจัดพิมพ์คู่มือยังไม่ได้รับอนุมัติ\n\nบุคลากรภาคสนามยังเข้าระบบได้น้อย";
      await page.getByLabel("ปัญหาและอุปสรรค").fill(problems);
      await page.getByLabel("แนวทางดำเนินการในไตรมาสถัดไป").fill("ก".repeat(5001));
      await page.getByRole("button", { name: "บันทึกข้อความ" }).click();
      await expect(page.getByLabel("แนวทางดำเนินการในไตรมาสถัดไป")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("ข้อความยาวเกินกำหนด")).toBeVisible();
      await expect(page.getByLabel("ปัญหาและอุปสรรค")).toHaveValue(problems);

      await page.getByLabel("แนวทางดำเนินการในไตรมาสถัดไป").fill("ให้หัวหน้างานช่วยบันทึกไอเดียจากหน้างาน");
      await page.getByRole("button", { name: "บันทึกข้อความ" }).click();
      await expect(page.getByText("บันทึกแล้ว", { exact: true })).toBeVisible();
      const report = page.getByRole("article");
      await expect(report.getByText("งบประมาณจัดพิมพ์คู่มือยังไม่ได้รับอนุมัติ", { exact: true })).toBeVisible();
      await expect(report.getByText("บุคลากรภาคสนามยังเข้าระบบได้น้อย", { exact: true })).toBeVisible();
      await expect(report.getByText("ให้หัวหน้างานช่วยบันทึกไอเดียจากหน้างาน")).toBeVisible();
    });
  });
}

test("the quarterly report and its CSV are in Thai for a reader who chose English; the picker and buttons are English", async ({ page }) => {
  // LS002 (committee), used by no other spec: the language is kept on the account.
  await signIn(page, "LS002");
  if ((await page.locator("html").getAttribute("lang")) === "th") await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/reports/quarterly");
  await page.getByLabel("Fiscal year", { exact: true }).selectOption("2570");
  await page.getByLabel("Quarter", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/fy=2570&q=1/);
  const report = page.getByRole("article");
  await expect(report).toHaveAttribute("lang", "th");
  await expect(report.getByRole("heading", { level: 1 })).toHaveText("รายงานผลการดำเนินงานตามแผนแม่บทนวัตกรรม ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2570");
  await expect(report.getByText("ระหว่างวันที่ 1 ตุลาคม 2569 ถึงวันที่ 31 ธันวาคม 2569")).toBeVisible();
  await expect(report.getByRole("heading", { level: 2, name: "2. ความเคลื่อนไหวในไตรมาส" })).toBeVisible();
  await expect(report.getByRole("table", { name: "ปีงบประมาณ พ.ศ. 2570" }).getByRole("columnheader", { name: "เป้าหมาย" })).toBeVisible();
  await expect(report).not.toContainText(/What moved this quarter|Indicator|FY 2027/);
  await expect(page.getByRole("link", { name: "Download the report's tables (CSV)" })).toBeVisible();
  const csv = await page.request.get("/reports/quarterly/csv?fy=2570&q=1");
  const header = (await csv.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0];
  expect(header).toBe("ส่วน,รายการ,ค่า,เป้าหมาย,สถานะ,ตัวตั้ง,ตัวหาร,ในปี,สะสม,วันที่");
  await page.getByRole("button", { name: /ภาษาไทย/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
});

test("the director of กองคลัง sees only their division, on the dashboard and in the drill-down", async ({ page }) => {
  await signIn(page, "LS016");
  await page.goto("/dashboard?fy=2569");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ตัวชี้วัดของกองคลัง · ปีงบประมาณ พ.ศ. 2569");
  const divisionRows = page.getByRole("region", { name: "การมีส่วนร่วมแยกตามกอง" }).locator("tbody tr");
  await expect(divisionRows).toHaveCount(1);
  await expect(divisionRows.first().getByRole("rowheader")).toHaveText("กองคลัง");
  await expect(page.getByRole("link", { name: "ดาวน์โหลดตัวชี้วัดทุกปีของแผน (CSV)" })).toHaveCount(0);

  // Asking for another division in the URL changes nothing.
  await page.goto("/dashboard/people?fy=2569&division=1");
  await expect(page.getByLabel("กอง", { exact: true })).toHaveCount(0);
  const divisionCells = page.locator("tbody tr td:nth-child(3)");
  expect(await divisionCells.count()).toBeGreaterThan(0);
  for (const text of await divisionCells.allTextContents()) expect(text).toBe("กองคลัง");
  for (const other of ["สำนักปลัด", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสวัสดิการสังคม"]) {
    await expect(page.locator("tbody").getByText(other, { exact: true })).toHaveCount(0);
  }
  const csv = await page.request.get("/dashboard/people/csv?fy=2569&division=1");
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r\n/).slice(1);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toContain(",กองคลัง,");
  expect((await page.request.get("/dashboard/history/csv")).status()).toBe(403);
  expect((await page.goto("/reports/quarterly"))?.status()).toBe(403);
});

test("a member of staff gets 403 on the dashboard and the reports", async ({ page }) => {
  await signIn(page, "LS025");
  for (const path of ["/dashboard", "/dashboard/people", "/reports/quarterly?fy=2570&q=1", "/reports/yearly", "/admin/participation"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
  }
  for (const path of ["/reports/quarterly/csv?fy=2570&q=1", "/dashboard/people/csv", "/dashboard/history/csv", "/reports/charts/lg1"]) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
  // The action plan and the LPA scores are open to read, without edit forms.
  await page.goto("/plan/actions?fy=2570");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("แผนปฏิบัติการปีงบประมาณ พ.ศ. 2570");
  await expect(page.getByRole("button", { name: "บันทึกสถานะ" })).toHaveCount(0);
  await page.goto("/plan/lpa");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("คะแนนประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA)");
  await expect(page.getByRole("button", { name: "บันทึกคะแนน" })).toHaveCount(0);
});

test("the report and plan pages have no serious or critical accessibility issue", async ({ page }) => {
  test.slow(); // several pages, each scanned by axe
  await signIn(page, "LS006");
  for (const path of ["/reports/quarterly?fy=2570&q=1", "/reports/yearly?fy=2569", "/plan/actions?fy=2570", "/plan/lpa", "/admin/participation?fy=2569"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
