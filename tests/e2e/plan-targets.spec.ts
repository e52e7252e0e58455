import { expect, signIn, test } from "./fixtures";

// PRODUCT.md §6: a closed year's figures never move, its targets included. The admin's targets
// grid shows a closed year's targets as text, and as fields again once the year is reopened.
test("a closed year's targets are read-only on the plan page until the year is reopened", async ({ page }) => {
  await signIn(page, "LS006");
  const yearFields = (year: number) => page.getByRole("textbox", { name: new RegExp(`${year}$`) });

  await page.goto("/admin/plan");
  await expect(yearFields(2566).first()).toBeVisible();

  await page.goto("/admin/participation?fy=2566");
  await page.getByRole("button", { name: /^ปิด.*2566$/ }).click();
  await expect(page.getByText("ปิดปีแล้ว", { exact: true })).toBeVisible();

  await page.goto("/admin/plan");
  await expect(page.getByText("ค่าเป้าหมายของปีที่ปิดแล้วแก้ไขไม่ได้", { exact: false })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /2566.*ปิดปีแล้ว/ })).toBeVisible();
  await expect(yearFields(2566)).toHaveCount(0);
  await expect(yearFields(2570).first()).toBeVisible();

  // Reopened (as the message says to), the year's targets are fields again.
  await page.goto("/admin/participation?fy=2566");
  await page.getByLabel("เหตุผลที่เปิดปี").fill("ทดสอบการแก้ค่าเป้าหมาย");
  await page.getByRole("button", { name: /^เปิด.*2566.*อีกครั้ง$/ }).click();
  await expect(page.getByText("เปิดปีอีกครั้งแล้ว")).toBeVisible();
  await page.goto("/admin/plan");
  await expect(yearFields(2566).first()).toBeVisible();
});
