// Messages of the idea form (new and edit): its fields, hints, errors, and withdrawing. Their own
// area so that pages only showing an idea (the committee's review page) do not bundle them.
// Thai only: English lives in ./ideas-form.en.ts, which only the server imports.
export const th = {
  "ideas.new.title": "เสนอไอเดีย",
  "ideas.new.intro": "เล่าสั้น ๆ ว่าเจอปัญหาอะไร จะแก้อย่างไร และใครได้ประโยชน์ ใช้เวลาไม่เกินสองนาที",
  "ideas.field.title": "ชื่อไอเดีย",
  "ideas.field.markdownHint": "จัดรูปแบบได้ เช่น **ตัวหนา** หรือขึ้นบรรทัดด้วย - เพื่อทำรายการ",
  "ideas.field.plan": "สอดคล้องกับแผนงาน (ถ้ามี)",
  "ideas.field.noPlan": "ไม่ระบุ",
  "ideas.field.coAuthors": "ผู้ร่วมเสนอ (ถ้ามี)",
  "ideas.field.coAuthorsHint": "พิมพ์รหัสพนักงานหรือชื่อ แล้วเลือกจากรายการ",
  "ideas.field.coAuthor": "ผู้ร่วมเสนอคนที่ {number}",
  "ideas.field.tags": "คำสำคัญ (ถ้ามี)",
  "ideas.field.tagsHint": "คั่นด้วยเครื่องหมายจุลภาค ไม่เกิน 5 คำ",
  "ideas.similar.title": "ไอเดียที่คล้ายกัน",
  "ideas.similar.hint": "ลองดูก่อนว่ามีคนเสนอไว้แล้วหรือไม่ ถ้ามี โหวตหรือแสดงความคิดเห็นแทนได้",
  "ideas.preview": "ดูตัวอย่าง",
  "ideas.preview.title": "ตัวอย่างที่จะแสดง",
  "ideas.submit": "ส่งไอเดีย",
  "ideas.submitting": "กำลังส่ง…",
  "ideas.error.required": "จำเป็นต้องกรอก",
  "ideas.error.tooShort": "สั้นเกินไป กรุณาเล่าเพิ่มอีกนิด",
  "ideas.error.tooLong": "ยาวเกินกำหนด",
  "ideas.error.planUnknown": "ไม่พบแผนงานนี้",
  "ideas.error.coAuthorUnknown": "ไม่พบบุคลากรนี้ กรุณาตรวจรหัสพนักงานหรือชื่อ",
  "ideas.error.coAuthorAmbiguous": "พบหลายคน กรุณาใส่รหัสพนักงาน",
  "ideas.error.coAuthorSelf": "คุณเป็นผู้เสนออยู่แล้ว",
  "ideas.error.tooManyTags": "ใส่คำสำคัญได้ไม่เกิน 5 คำ",
  "ideas.error.tagTooLong": "คำสำคัญแต่ละคำยาวไม่เกิน 30 ตัวอักษร",
  "ideas.error.locked": "คณะกรรมการเริ่มพิจารณาไอเดียนี้แล้ว จึงแก้ไขหรือถอนไม่ได้",
  "ideas.error.notAuthor": "เฉพาะผู้เสนอไอเดียนี้เท่านั้นที่แก้ไขหรือถอนได้",
  "ideas.edit.title": "แก้ไขไอเดีย",
  "ideas.edit.save": "บันทึกการแก้ไข",
  "ideas.withdraw.title": "ถอนไอเดีย",
  "ideas.withdraw.reason": "เหตุผลที่ถอน (ถ้ามี)",
  "ideas.withdraw.confirm": "ยืนยันถอนไอเดีย",
  "ideas.withdraw.hint": "เมื่อถอนแล้วจะนำกลับมาไม่ได้ ไอเดียจะไม่ถูกนับในตัวชี้วัด",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const ideasFormMessages = th;
