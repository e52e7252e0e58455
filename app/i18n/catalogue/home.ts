// Messages for the home page: the greeting and a card for each place a person's roles open.
// Thai only: English lives in ./home.en.ts, which only the server imports.
export const th = {
  "home.dashboard.body": "ผลการดำเนินงานตามแผนแม่บทเทียบเป้าหมาย",
  "home.projects.body": "โครงการนวัตกรรมและชิ้นงานที่ส่งมอบแล้ว",
  "home.myTraining.body": "ประวัติการอบรมและชั่วโมงอบรมของคุณ",
  "home.committee.body": "กลั่นกรอง ให้คะแนน และเลื่อนขั้นตอนไอเดีย",
  "home.training.body": "บันทึกการอบรมและผู้เข้าร่วม",
  "home.greeting": "สวัสดี คุณ{name}",
  "home.today": "วันนี้ {date} · {fiscalYear} ไตรมาสที่ {quarter}",
  "home.yourRoles": "บทบาทของคุณ",
  "home.whatYouCanDo": "สิ่งที่คุณทำได้",
  "home.plan.title": "แผนแม่บทนวัตกรรม",
  "home.plan.body": "ยุทธศาสตร์ แผนงาน โครงการ และตัวชี้วัดพร้อมเป้าหมายรายปี",
  "home.roster.body": "รายชื่อบุคลากร กอง และประเภทบุคลากร",
  "home.division.body": "บุคลากรในกองของคุณ",
  "home.accounts.body": "สร้างบัญชี กำหนดบทบาท รีเซ็ตรหัสผ่าน ระงับบัญชี",
  "home.planAdmin.body": "แก้ไขยุทธศาสตร์ แผนงาน โครงการ และเป้าหมายตัวชี้วัด",
  "home.settings.body": "ปีงบประมาณ เขตเวลา",
  "home.audit.body": "ใครทำอะไร เมื่อไร",
  "home.account.body": "ข้อมูลของคุณ ภาษา และรหัสผ่าน",
  "home.ideas.body": "ค้นหา โหวต และแสดงความคิดเห็นต่อไอเดียของเพื่อนร่วมงาน",
  "home.newIdea.body": "เสนอไอเดียใหม่ได้ในสองนาที",
  "home.myIdeas.body": "ความคืบหน้าของไอเดียที่คุณเสนอ",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const homeMessages = th;
