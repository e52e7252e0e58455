// Errors of the project, milestone, innovation and follow-up forms, from the projects services.
// Their own module so that a form showing only these (the committee's approval, which creates a
// project) does not bundle the whole projects area. Part of the projects area: ./projects.ts
// spreads them into its catalogue, and their English is in ./projects.en.ts.
export const th = {
  "projects.error.required": "จำเป็นต้องกรอก",
  "projects.error.tooShort": "สั้นเกินไป",
  "projects.error.tooLong": "ยาวเกินไป",
  "projects.error.dateInvalid": "วันที่ไม่ถูกต้อง",
  "projects.error.dateInFuture": "วันที่ต้องไม่เกินวันนี้",
  "projects.error.planRequired": "กรุณาเลือกแผนงาน",
  "projects.error.planUnknown": "ไม่พบแผนงานที่เลือก",
  "projects.error.ownerRequired": "กรุณาเลือกผู้รับผิดชอบ",
  "projects.error.personUnknown": "ไม่พบบุคลากรนี้ กรุณาตรวจรหัสพนักงานหรือชื่อ",
  "projects.error.personAmbiguous": "พบหลายคน กรุณาใส่รหัสพนักงาน",
  "projects.error.personNotEmployed": "บุคลากรนี้ไม่ได้ปฏิบัติงานอยู่ในวันนี้",
  "projects.error.memberLines": "บางบรรทัดใช้ไม่ได้:",
  "projects.error.memberLine": "“{text}”: {problem}",
  "projects.error.tooManyMembers": "ทีมงานมีได้ไม่เกิน 30 คน",
  "projects.error.budgetRequired": "กรุณากรอกงบประมาณ (ใส่ 0 หากไม่ใช้งบประมาณ)",
  "projects.error.budgetInvalid": "งบประมาณต้องเป็นตัวเลขไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง",
  "projects.error.startRequired": "กรุณาระบุวันที่เริ่ม",
  "projects.error.endRequired": "กรุณาระบุวันที่สิ้นสุด",
  "projects.error.endBeforeStart": "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม",
  "projects.error.progressRange": "ความคืบหน้าต้องเป็นจำนวนเต็ม 0 ถึง 100",
  "projects.error.statusUnknown": "กรุณาเลือกสถานะ",
  "projects.error.deliveredNotPlanned": "โครงการนี้ส่งมอบนวัตกรรมแล้ว จึงถือว่าเริ่มดำเนินการแล้ว กลับไปเป็น “วางแผน” ไม่ได้",
  "projects.error.moveRefused": "บันทึกไม่ได้ เพราะขั้นของไอเดียในโครงการเปลี่ยนไปแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง",
  "projects.error.ideaNotFound": "ไม่พบไอเดีย",
  "projects.error.ideaClosed": "ไอเดียนี้ปิดแล้ว จึงผูกกับโครงการไม่ได้",
  "projects.error.ideaHasProject": "ไอเดียนี้ผูกกับโครงการอื่นอยู่แล้ว",
  "projects.error.projectNotFound": "ไม่พบโครงการที่เลือก",
  "projects.error.projectClosed": "โครงการที่เลือกเสร็จสิ้นหรือยกเลิกแล้ว",
  "projects.error.projectCancelled": "โครงการนี้ยกเลิกแล้ว จึงส่งมอบชิ้นงานไม่ได้",
  "projects.error.deliveredRequired": "กรุณาระบุวันที่ส่งมอบ",
  "projects.error.ipStatusUnknown": "กรุณาเลือกสถานะทรัพย์สินทางปัญญา",
  "projects.error.ipNumberRequired": "สถานะ \"ได้รับแล้ว\" ต้องมีเลขที่",
  "projects.error.ipNumberNotApplicable": "ยังไม่ได้คุ้มครอง จึงไม่ต้องใส่เลขที่",
  "projects.error.ipFiledRequired": "สถานะนี้ต้องมีวันที่ยื่นคำขอหรือวันที่จดแจ้ง",
  "projects.error.ipFiledNotApplicable": "ยังไม่ได้คุ้มครอง จึงไม่ต้องใส่วันที่ยื่น",
  "projects.error.ipGrantedRequired": "สถานะ \"ได้รับแล้ว\" ต้องมีวันที่ได้รับ",
  "projects.error.ipGrantedNotApplicable": "ใส่วันที่ได้รับเฉพาะเมื่อได้รับอนุสิทธิบัตรหรือสิทธิบัตรแล้ว",
  "projects.error.ipGrantedBeforeFiled": "วันที่ได้รับต้องไม่ก่อนวันที่ยื่นคำขอ",
  "projects.error.reportedRequired": "กรุณาระบุวันที่รายงาน",
  "projects.error.reportedBeforeDelivery": "วันที่รายงานต้องไม่ก่อนวันที่ส่งมอบชิ้นงาน",
} as const;

/** Pass to useI18n(...) in a component that shows project errors but no other projects message. */
export const projectErrorMessages = th;
