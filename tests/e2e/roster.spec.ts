import { expect, signIn, test } from "./fixtures";

// HR keeps the roster and records training in bulk — with JavaScript and without. Each run uses
// its own employee codes, session and division, so the two runs do not meet.
const HEADER = "employee_code,prefix_th,first_name_th,last_name_th,position_th,category_code,division_code,employment_start";

for (const run of [
  {
    javaScriptEnabled: true,
    prefix: "E2EA",
    divisionCode: "welfare",
    divisionName: "กองสวัสดิการสังคม",
    attendee: "LS040",
    attendeeName: "นางสาวศศิธร ยิ้มแย้ม",
    session: "การใช้ระบบสารบรรณอิเล็กทรอนิกส์ รุ่นที่ 1",
    names: ["มานพ", "จันทร์เพ็ญ", "อรทัย"],
  },
  {
    javaScriptEnabled: false,
    prefix: "E2EB",
    divisionCode: "education",
    divisionName: "กองการศึกษา ศาสนาและวัฒนธรรม",
    attendee: "LS036",
    attendeeName: "นางบุษบา จันทร์แก้ว",
    session: "การใช้ระบบสารบรรณอิเล็กทรอนิกส์ รุ่นที่ 2",
    names: ["ประยุทธ", "สายสุนีย์", "วันเพ็ญ"],
  },
] as const) {
  test.describe(`roster and training (JavaScript ${run.javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled: run.javaScriptEnabled });

    test(`HR imports staff, records a session for ${run.divisionName}, and ${run.attendee} sees it`, async ({ browser, page }, testInfo) => {
      test.setTimeout(90_000);
      // A retry runs on the same database, where the first attempt imported its people and made
      // its session: a retry imports its own codes and names and makes its own session.
      const retryTag = testInfo.retry > 0 ? `รอบ${testInfo.retry}` : "";
      const prefix = testInfo.retry > 0 ? `${run.prefix}-R${testInfo.retry}-` : run.prefix;
      const lastName = `ทดลองนำเข้า${retryTag}`;
      const session = retryTag ? `${run.session} ${retryTag}` : run.session;
      const rows = run.names.map(
        (name, index) => `${prefix}0${index + 1},นาง,${name},${lastName},ผู้ช่วยนักพัฒนาชุมชน,general_employee,${run.divisionCode},${index === 1 ? "01/06/2567" : "2024-06-01"}`,
      );
      const upload = async (lines: string[], name: string) => {
        await page.getByLabel("ไฟล์ CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`) });
        await page.getByRole("button", { name: "ตรวจสอบไฟล์" }).click();
      };

      await signIn(page, "LS004");
      await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "ทะเบียนบุคลากร" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "ทะเบียนบุคลากร" })).toBeVisible();
      await page.getByRole("link", { name: "นำเข้า CSV" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "นำเข้าทะเบียนบุคลากรจากไฟล์ CSV" })).toBeVisible();

      // One bad row (an unknown division on row 3): nothing is imported, and the row and reason are shown.
      await upload([rows[0], rows[1].replace(`,${run.divisionCode},`, ",planning,"), rows[2]], "staff-with-a-mistake.csv");
      const problems = page.getByRole("region", { name: "ไฟล์นี้ยังนำเข้าไม่ได้" });
      await expect(problems.getByText("ไม่ได้นำเข้าข้อมูลใดเลย พบปัญหา 1 แถว")).toBeVisible();
      const badRow = problems.getByRole("row").filter({ hasText: "planning" });
      await expect(badRow.getByRole("rowheader")).toHaveText("3");
      await expect(badRow).toContainText("division_code");
      await expect(badRow).toContainText("ไม่พบรหัสกองนี้");
      await page.goto("/roster?show=all");
      await expect(page.getByRole("link", { name: new RegExp(`${run.names[0]} ${lastName}`) })).toHaveCount(0);

      // Fixed: a preview first (nothing stored yet), then the import.
      await page.goto("/roster/import");
      await upload(rows, "staff.csv");
      const preview = page.getByRole("region", { name: "ตัวอย่างก่อนนำเข้า (ยังไม่ได้บันทึก)" });
      await expect(preview.getByText("ไฟล์มี 3 แถว: เพิ่มใหม่ 3 คน แก้ไข 0 คน ไม่เปลี่ยนแปลง 0 คน")).toBeVisible();
      await expect(preview.getByRole("cell", { name: `${prefix}02` })).toBeVisible();
      await preview.getByRole("button", { name: "ยืนยันนำเข้า 3 รายการ" }).click();
      await expect(page.getByText("นำเข้าแล้ว: เพิ่มใหม่ 3 คน แก้ไข 0 คน ไม่เปลี่ยนแปลง 0 คน")).toBeVisible();
      // The roster is paged: HR finds the new person with the search field of the filter form.
      await page.goto("/roster");
      const filters = page.getByRole("form", { name: "ตัวกรองทะเบียนบุคลากร" });
      await filters.getByLabel("ค้นหา (รหัสหรือชื่อ)").fill(`${run.names[1]} ${lastName}`);
      await filters.getByRole("button", { name: "กรอง" }).click();
      await expect(page).toHaveURL(/[?&]q=/);
      const found = page.getByRole("table");
      await expect(found.locator("caption")).toHaveText("1 คน");
      await expect(found.getByRole("cell", { name: `${prefix}02`, exact: true })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "หน้าของรายชื่อบุคลากร" })).toHaveCount(0);
      await page.getByRole("link", { name: `นาง${run.names[1]} ${lastName}` }).click();
      await expect(page.getByRole("heading", { level: 1, name: `นาง${run.names[1]} ${lastName}` })).toBeVisible();
      await expect(page.getByRole("region", { name: "ประวัติกองที่สังกัด" })).toContainText(run.divisionName);
      // Buddhist Era date in Thai: 1 June 2024 is 1 มิถุนายน 2567.
      await expect(page.getByRole("region", { name: "ประวัติการจ้างงาน" })).toContainText("1 มิถุนายน 2567");

      // A session, then the whole division ticked on its checklist and saved.
      await page.goto("/training");
      await page.getByRole("link", { name: "เพิ่มการอบรม" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "เพิ่มการอบรม" })).toBeVisible();
      await page.getByLabel("ชื่อการอบรม").fill(session);
      await page.getByLabel("หน่วยงานผู้จัด").fill("สำนักปลัด องค์การบริหารส่วนตำบลลุ่มสุ่ม");
      await page.getByLabel("วันที่เริ่ม").fill("20/11/2569");
      await page.getByLabel("วันที่สิ้นสุด").fill("31/11/2569");
      await page.getByLabel("จำนวนชั่วโมง").fill("6");
      await page.getByRole("button", { name: "บันทึกการอบรม" }).click();
      // A mistake keeps what was typed and says why beside the field.
      await expect(page.getByLabel("วันที่สิ้นสุด")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("ชื่อการอบรม")).toHaveValue(session);
      await page.getByLabel("วันที่สิ้นสุด").fill("20/11/2569");
      await page.getByRole("button", { name: "บันทึกการอบรม" }).click();
      await expect(page.getByRole("heading", { level: 1, name: session })).toBeVisible();
      await expect(page.getByText("เพิ่มการอบรมแล้ว")).toBeVisible();
      // The session's fiscal year: the label says "ปีงบประมาณ" once, the value is the year.
      const details = page.getByRole("region", { name: "รายละเอียด", exact: true });
      await expect(details.getByRole("definition").filter({ hasText: /^2570$/ })).toHaveCount(1);
      await expect(details).not.toContainText("ปีงบประมาณ พ.ศ.");

      await page.getByRole("link", { name: "บันทึกผู้เข้าอบรม" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "บันทึกผู้เข้าอบรม" })).toBeVisible();
      await page.getByRole("button", { name: `เลือกทั้ง${run.divisionName}`, exact: true }).click();
      await expect(page.getByText("ทำเครื่องหมายแล้ว แต่ยังไม่ได้บันทึก")).toBeVisible();
      await expect(page.getByRole("checkbox", { name: run.attendeeName })).toBeChecked();
      await expect(page.getByRole("checkbox", { name: `นาง${run.names[0]} ${lastName}` })).toBeChecked();
      await page.getByRole("button", { name: "บันทึกผู้เข้าอบรม" }).first().click();
      await expect(page.getByText(/บันทึกแล้ว: เพิ่ม \d+ คน/)).toBeVisible();
      await expect(page.getByRole("checkbox", { name: run.attendeeName })).toBeChecked();

      // The attendee sees it on their own training page.
      const attendeeContext = await browser.newContext({ javaScriptEnabled: run.javaScriptEnabled });
      const attendee = await attendeeContext.newPage();
      await signIn(attendee, run.attendee);
      await attendee.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "การอบรมของฉัน" }).click();
      await expect(attendee.getByRole("heading", { level: 1, name: "การอบรมของฉัน" })).toBeVisible();
      const entry = attendee.getByRole("listitem").filter({ has: attendee.getByRole("heading", { name: session }) });
      await expect(entry).toContainText("20 พฤศจิกายน 2569");
      await expect(entry).toContainText("6 ชั่วโมง");
      await attendeeContext.close();
    });
  });
}

test("a session that has not begun takes no attendance: the checklist says so, and a save is refused with the ticks kept", async ({ page }) => {
  await signIn(page, "LS004");
  await page.goto("/training/new");
  const session = "การอบรมที่ยังไม่ถึงวัน (e2e)";
  await page.getByLabel("ชื่อการอบรม").fill(session);
  await page.getByLabel("หน่วยงานผู้จัด").fill("สำนักปลัด");
  // 10 January 2199: after today, whenever this runs.
  await page.getByLabel("วันที่เริ่ม").fill("10/01/2742");
  await page.getByLabel("วันที่สิ้นสุด").fill("10/01/2742");
  await page.getByLabel("จำนวนชั่วโมง").fill("3");
  await page.getByRole("button", { name: "บันทึกการอบรม" }).click();
  await expect(page.getByRole("heading", { level: 1, name: session })).toBeVisible();
  await page.getByRole("link", { name: "บันทึกผู้เข้าอบรม" }).click();
  await expect(page.getByText("การอบรมนี้ยังไม่เริ่ม (เริ่ม 10 มกราคม 2742)")).toBeVisible();
  const someone = page.getByRole("checkbox").first();
  await someone.check();
  await page.getByRole("button", { name: "บันทึกผู้เข้าอบรม" }).first().click();
  await expect(page.getByRole("alert").filter({ hasText: "การอบรมนี้ยังไม่เริ่ม" })).toHaveCount(1);
  await expect(page.getByText(/บันทึกแล้ว: เพิ่ม/)).toHaveCount(0);
  await expect(someone).toBeChecked();
  // Taken away again, so no other test sees a year 2742 among the training years.
  await page.getByRole("link", { name: session }).click();
  await page.getByLabel("ยืนยันว่าต้องการลบการอบรมนี้").check();
  await page.getByRole("button", { name: "ลบการอบรม" }).click();
  await expect(page.getByText("ลบการอบรมแล้ว")).toBeVisible();
});
