// Messages of the innovation's five-step evidence trail page. Their own area so that the project
// and innovation pages, which show none of them, do not bundle them.
// Thai only: English lives in ./projects-trail.en.ts, which only the server imports.
export const th = {
  "projects.trail.title": "เส้นทางหลักฐานนวัตกรรม",
  "projects.trail.subtitle": "หลักฐาน 5 ขั้นของ \"{name}\"",
  "projects.trail.intro": "สรุปหลักฐานตั้งแต่การเสนอไอเดียจนถึงการติดตามผลการใช้งาน สำหรับการตรวจสอบ พิมพ์หรือบันทึกเป็น PDF ได้จากเมนูพิมพ์ของเบราว์เซอร์ (กระดาษ A4)",
  "projects.trail.print": "พิมพ์ / บันทึกเป็น PDF",
  "projects.trail.printedOn": "จัดทำเมื่อ {date}",
  "projects.trail.back": "กลับไปหน้าชิ้นงาน",
  "projects.trail.step": "ขั้นที่ {number}",
  "projects.trail.step1": "การเสนอไอเดีย",
  "projects.trail.step2": "ผลการกลั่นกรอง",
  "projects.trail.step3": "การนำเสนอต่อคณะกรรมการ",
  "projects.trail.step4": "โครงการนวัตกรรม",
  "projects.trail.step5": "การติดตามผลการใช้งาน",
  "projects.trail.complete": "มีบันทึก",
  "projects.trail.missing": "ยังไม่มีบันทึก",
  "projects.trail.noIdea": "โครงการนี้สร้างโดยคณะกรรมการโดยตรง จึงไม่มีบันทึกขั้นนี้",
  "projects.trail.idea": "ไอเดีย",
  "projects.trail.submittedOn": "วันที่เสนอ",
  "projects.trail.authors": "ผู้เสนอ",
  "projects.trail.result": "ผล",
  "projects.trail.decidedOn": "วันที่",
  "projects.trail.decidedBy": "ผู้บันทึก",
  "projects.trail.reason": "เหตุผล",
  "projects.trail.meeting": "การประชุม",
  "projects.trail.meetingValue": "ครั้งที่ {number} วันที่ {date}",
  "projects.trail.resolution": "มติ",
  "projects.trail.noEvent": "ยังไม่มีบันทึกการตัดสินในขั้นนี้",
  "projects.trail.attachments": "หลักฐานแนบ",
  "projects.trail.projectRecord": "โครงการ",
  "projects.trail.innovationRecord": "ชิ้นงานที่ส่งมอบ",
  "projects.trail.milestonesDone": "ขั้นงานที่เสร็จ",
  "projects.trail.noFollowUps": "ยังไม่มีรายงานติดตามผลการใช้งาน",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const projectsTrailMessages = th;
