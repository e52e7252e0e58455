// Messages for ideas: submitting, editing, the list and the idea page (not votes/comments).
// Thai only: English lives in ./ideas.en.ts, which only the server imports.
export const th = {
  "ideas.list.plan": "แผนงาน",
  "ideas.list.votes": "{count} โหวต",
  "ideas.list.comments": "{count} ความคิดเห็น",
  "ideas.list.submittedOn": "เสนอเมื่อ {date}",
  "ideas.field.problem": "ปัญหาที่พบ",
  "ideas.field.solution": "วิธีแก้ที่เสนอ",
  "ideas.field.benefit": "ประโยชน์ที่คาดว่าจะได้รับ",
  "ideas.created": "ส่งไอเดียแล้ว ขอบคุณที่ร่วมเสนอ",
  "ideas.saved": "บันทึกการแก้ไขแล้ว",
  "ideas.withdrawn": "ถอนไอเดียแล้ว",
  "ideas.detail.authors": "ผู้เสนอ",
  "ideas.detail.submitter": "ผู้เสนอหลัก",
  "ideas.detail.plan": "แผนงาน",
  "ideas.detail.noPlan": "ไม่ได้ระบุแผนงาน",
  "ideas.detail.tags": "คำสำคัญ",
  "ideas.detail.stage": "ขั้นตอนปัจจุบัน",
  "ideas.detail.history": "ประวัติการพิจารณา",
  "ideas.detail.historyEntry": "{from} → {to}",
  "ideas.detail.createdEntry": "เสนอไอเดีย",
  "ideas.detail.by": "โดย {name}",
  "ideas.detail.reason": "เหตุผล: {reason}",
  "ideas.detail.duplicateOf": "ไอเดียนี้ซ้ำกับ",
  "ideas.detail.project": "โครงการ",
  "ideas.detail.edit": "แก้ไขไอเดีย",
  "ideas.detail.withdraw": "ถอนไอเดีย",
  "ideas.detail.fiscalYear": "เสนอใน{fiscalYear}",
  "ideas.mine.title": "ไอเดียของฉัน",
  "ideas.mine.empty": "คุณยังไม่ได้เสนอไอเดีย เริ่มได้เลย",
  "ideas.mine.stageSince": "ตั้งแต่ {date}",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const ideasMessages = th;
