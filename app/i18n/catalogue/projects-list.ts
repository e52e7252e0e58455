// Messages of the projects and innovations list page. Their own area so that the project and
// innovation pages, which show none of them, do not bundle them (client JS budget, decision 024).
// Thai only: English lives in ./projects-list.en.ts, which only the server imports.
export const th = {
  "projects.list.title": "โครงการและนวัตกรรม",
  "projects.list.intro": "โครงการนวัตกรรมที่เกิดจากไอเดียของบุคลากรและโครงการตามแผนแม่บท พร้อมชิ้นงานนวัตกรรมที่ส่งมอบแล้ว",
  "projects.list.new": "สร้างโครงการใหม่",
  "projects.list.filters": "กรองรายการ",
  "projects.list.filter": "กรอง",
  "projects.list.clear": "ล้างตัวกรอง",
  "projects.list.all": "ทั้งหมด",
  "projects.list.projects": "โครงการ",
  "projects.list.count": "{count} โครงการ",
  "projects.list.empty": "ไม่พบโครงการตามเงื่อนไขที่เลือก",
  "projects.list.innovations": "ชิ้นงานนวัตกรรม",
  "projects.list.innovationCount": "{count} ชิ้น",
  "projects.list.innovationsEmpty": "ยังไม่มีชิ้นงานนวัตกรรมตามเงื่อนไขที่เลือก",
  "projects.list.perYear": "จำนวนโครงการและนวัตกรรมรายปีงบประมาณ",
  "projects.list.perYearHint": "นับโครงการตามปีงบประมาณที่เริ่มดำเนินการ และนับนวัตกรรมตามปีงบประมาณที่ส่งมอบ แสดงทั้งรายปีและสะสมตั้งแต่ปีแรกของแผน",
  "projects.list.projectsInYear": "โครงการที่เริ่มในปี",
  "projects.list.innovationsInYear": "นวัตกรรมที่ส่งมอบในปี",
  "projects.list.cumulative": "สะสม",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const projectsListMessages = th;
