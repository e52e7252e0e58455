import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ProjectFields, type ProjectFieldValues } from "./project-fields";

// The owner and team fields as the server renders them (no JavaScript needed): a datalist and a
// checklist for a small staff, a plain text field and a textarea for a large one, each wired to
// its hint and error.

/** Server-rendered HTML of `element` under a root route whose data says Thai (what useI18n reads). */
async function render(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ locale: "th", timeZone: "Asia/Bangkok", englishMessages: null }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const values: ProjectFieldValues = {
  nameTh: "โครงการทดสอบ",
  nameEn: "",
  descriptionTh: "",
  planId: "",
  owner: "LS039 นางสาวขวัญใจ ศรีสวัสดิ์",
  members: ["LS040 นางสาวศศิธร ยิ้มแย้ม", "สมหมาย"],
  budget: "",
  startDate: "",
  endDate: "",
  progress: "0",
  status: "planned",
};
const staff = [
  { code: "LS039", name: "นางสาวขวัญใจ ศรีสวัสดิ์" },
  { code: "LS040", name: "นางสาวศศิธร ยิ้มแย้ม" },
  { code: "LS038", name: "นายทดสอบ ระบบ" },
];

describe("the project form's owner and team", () => {
  it("a small staff: the owner has the staff datalist, the team a checklist with the chosen people ticked", async () => {
    const html = await render(<ProjectFields values={values} fieldErrors={{}} planOptions={[]} staffOptions={staff} staffListed />);
    expect(html).toContain('<datalist id="project-owner-staff"><option value="LS039 นางสาวขวัญใจ ศรีสวัสดิ์"></option>');
    expect(html).toMatch(/<input type="text" maxLength="200" autoComplete="off" id="project-owner" name="owner" required="" list="project-owner-staff" aria-describedby="project-owner-hint" value="LS039 นางสาวขวัญใจ ศรีสวัสดิ์"\/>/);
    expect(html).toContain('<label for="project-owner">ผู้รับผิดชอบโครงการ</label>');
    expect(html).toContain('<input type="checkbox" name="member" checked="" value="LS040"/>');
    expect(html).toMatch(/<input type="checkbox" name="member" value="LS038"\/>/);
    expect(html).not.toContain('name="members"');
  });

  it("a large staff: no datalist and no checklist; the team is a textarea of lines, its bad lines named in its error", async () => {
    const html = await render(
      <ProjectFields
        values={values}
        fieldErrors={{ owner: "projects.error.personNotEmployed", members: "projects.error.memberLines" }}
        planOptions={[]}
        staffOptions={[]}
        staffListed={false}
        memberProblems={[{ text: "สมหมาย", problem: "projects.error.personAmbiguous" }]}
      />,
    );
    expect(html).not.toContain("<datalist");
    expect(html).not.toContain('type="checkbox"');
    expect(html).toMatch(/<input type="text" maxLength="200" autoComplete="off" id="project-owner" name="owner" required="" aria-invalid="true" aria-describedby="project-owner-hint project-owner-error"/);
    expect(html).toContain('<p class="field__error" id="project-owner-error" role="alert">บุคลากรนี้ไม่ได้ปฏิบัติงานอยู่ในวันนี้</p>');
    expect(html).toContain('<label for="project-members">ทีมงาน</label>');
    expect(html).toMatch(/<textarea rows="6" id="project-members" name="members" maxLength="20000" aria-invalid="true" aria-describedby="project-members-hint project-members-error">LS040 นางสาวศศิธร ยิ้มแย้ม\nสมหมาย<\/textarea>/);
    expect(html).toContain('<span class="field__hint" id="project-members-hint">บรรทัดละหนึ่งคน: รหัสพนักงาน หรือชื่อและนามสกุล (ไม่ต้องใส่ผู้รับผิดชอบซ้ำ)</span>');
    expect(html).toContain('id="project-members-error" role="alert">บางบรรทัดใช้ไม่ได้: “สมหมาย”: พบหลายคน กรุณาใส่รหัสพนักงาน</p>');
  });
});
