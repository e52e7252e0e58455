import { expect, signIn, test } from "./fixtures";

// Staff submit, find, vote on and discuss ideas in Thai — with JavaScript and without.
// Each run uses its own accounts so the two runs do not meet.
for (const run of [
  { javaScriptEnabled: true, author: "LS025", coAuthor: "LS024", voter: "LS004", word: "โดรนสำรวจ" },
  { javaScriptEnabled: false, author: "LS027", coAuthor: "LS029", voter: "LS033", word: "เครื่องกรอง" },
] as const) {
  test.describe(`ideas (JavaScript ${run.javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled: run.javaScriptEnabled });

    test(`${run.author} submits an idea, ${run.voter} votes and comments, the author is notified`, async ({ browser }, testInfo) => {
      const authorContext = await browser.newContext({ javaScriptEnabled: run.javaScriptEnabled });
      const author = await authorContext.newPage();
      await signIn(author, run.author);
      await author.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "เสนอไอเดีย" }).click();
      await expect(author.getByRole("heading", { level: 1, name: "เสนอไอเดีย" })).toBeVisible();

      // A retry runs on the same database: its idea gets a title of its own.
      const title = `ใช้${run.word}${testInfo.retry > 0 ? `รอบ${testInfo.retry}` : ""}ตรวจแนวคลองส่งน้ำหมู่ที่ 4`;
      await author.getByLabel("ชื่อไอเดีย").fill(title);
      // A form with a missing field keeps everything typed and says what is wrong beside it.
      await author.getByLabel("วิธีแก้ที่เสนอ").fill("ใช้อุปกรณ์ถ่ายภาพแนวคลองเดือนละครั้ง แล้วส่งภาพให้กองช่างวางแผนซ่อม");
      await author.getByRole("button", { name: "ส่งไอเดีย" }).click();
      await expect(author.getByLabel("ปัญหาที่พบ")).toHaveAttribute("aria-invalid", "true");
      await expect(author.getByText("จำเป็นต้องกรอก").first()).toBeVisible();
      await expect(author.getByLabel("ชื่อไอเดีย")).toHaveValue(title);
      await expect(author.getByLabel("วิธีแก้ที่เสนอ")).toHaveValue(/แนวคลองเดือนละครั้ง/);

      await author.getByLabel("ปัญหาที่พบ").fill("คลองส่งน้ำยาว **12 กิโลเมตร** เจ้าหน้าที่เดินตรวจได้ปีละครั้ง รอยรั่วจึงพบช้า");
      await author.getByLabel("ประโยชน์ที่คาดว่าจะได้รับ").fill("- น้ำไม่รั่วไหล\n- เกษตรกรได้น้ำครบ");
      await author.getByLabel("สอดคล้องกับแผนงาน (ถ้ามี)").selectOption({ label: "2.3 แผนงานอุตสาหกรรมและการโยธา" });
      await author.getByLabel("ผู้ร่วมเสนอคนที่ 1").fill(run.coAuthor);
      await author.getByLabel("คำสำคัญ (ถ้ามี)").fill("น้ำ, เกษตร");
      await author.getByRole("button", { name: "ดูตัวอย่าง" }).click();
      const preview = author.getByRole("region", { name: "ตัวอย่างที่จะแสดง" });
      await expect(preview.locator("strong")).toHaveText("12 กิโลเมตร");
      await expect(preview.getByRole("listitem")).toHaveText(["น้ำไม่รั่วไหล", "เกษตรกรได้น้ำครบ"]);

      await author.getByRole("button", { name: "ส่งไอเดีย" }).click();
      await expect(author.getByText("ส่งไอเดียแล้ว ขอบคุณที่ร่วมเสนอ")).toBeVisible();
      await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(author.getByText("เสนอแล้ว").first()).toBeVisible();
      const ideaUrl = author.url().replace(/\?.*$/, "");
      // Authors cannot vote on their own idea.
      await expect(author.getByRole("button", { name: /^โหวต/ })).toBeDisabled();

      // The idea is in "my ideas", and search finds a Thai word inside its title.
      await author.goto("/ideas/mine");
      await expect(author.getByRole("link", { name: title })).toBeVisible();
      await author.goto("/ideas");
      await author.getByLabel("ค้นหา", { exact: true }).fill(run.word);
      await author.getByRole("button", { name: "ค้นหา" }).click();
      await expect(author.getByRole("link", { name: title })).toBeVisible();

      const voterContext = await browser.newContext({ javaScriptEnabled: run.javaScriptEnabled });
      const voter = await voterContext.newPage();
      await signIn(voter, run.voter);
      await voter.goto(ideaUrl);
      await voter.getByRole("button", { name: "โหวต (0)" }).click();
      await expect(voter.getByRole("button", { name: "โหวต (1)" })).toHaveAttribute("aria-pressed", "true");
      await voter.reload();
      await expect(voter.getByRole("button", { name: "โหวต (1)" })).toBeVisible();

      await voter.getByLabel("แสดงความคิดเห็น").fill("เห็นด้วยครับ ควรเริ่มจาก **หมู่ 4** ก่อน");
      await voter.getByRole("button", { name: "ส่งความคิดเห็น" }).click();
      // The comment is rendered from markdown (bold kept, nothing else). It is waited for before
      // leaving the page: a navigation cancels a comment still on its way.
      const boldInComment = voter.locator("#comments").locator("strong", { hasText: "หมู่ 4" });
      await expect(boldInComment).toBeVisible();
      await voter.goto(ideaUrl);
      await expect(boldInComment).toBeVisible();

      await author.goto("/notifications");
      await expect(author.getByRole("link", { name: title }).first()).toBeVisible();

      await authorContext.close();
      await voterContext.close();
    });
  });
}
