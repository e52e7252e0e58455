// Messages for signing in, changing one's password and one's own account page.
// Thai only: English lives in ./account.en.ts, which only the server imports.
export const th = {
  "login.title": "เข้าสู่ระบบ",
  "login.username": "รหัสพนักงาน",
  "login.password": "รหัสผ่าน",
  "login.submit": "เข้าสู่ระบบ",
  "login.invalid": "รหัสพนักงานหรือรหัสผ่านไม่ถูกต้อง",
  "login.throttled": "ลองเข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอ {minutes} นาทีแล้วลองใหม่",
  "login.disabled": "บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ",
  "login.required": "กรุณากรอก{field}",
  "login.signedOut": "ออกจากระบบแล้ว",
  "password.title": "เปลี่ยนรหัสผ่าน",
  "password.mustChange": "ผู้ดูแลระบบตั้งรหัสผ่านนี้ให้คุณ กรุณาตั้งรหัสผ่านใหม่ของคุณเองก่อนใช้งาน",
  "password.current": "รหัสผ่านปัจจุบัน",
  "password.new": "รหัสผ่านใหม่",
  "password.confirm": "ยืนยันรหัสผ่านใหม่",
  "password.hint": "อย่างน้อย {min} ตัวอักษร ใช้ประโยคที่จำง่ายก็ได้",
  "password.submit": "บันทึกรหัสผ่าน",
  "password.changed": "เปลี่ยนรหัสผ่านแล้ว",
  "password.currentWrong": "รหัสผ่านปัจจุบันไม่ถูกต้อง",
  "password.mismatch": "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน",
  "password.tooShort": "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร",
  "password.tooLong": "รหัสผ่านยาวเกิน 128 ตัวอักษร",
  "password.sameAsUsername": "รหัสผ่านต้องไม่เหมือนรหัสพนักงาน",
  "password.mustDiffer": "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม",
  "account.title": "บัญชีของฉัน",
  "account.details": "ข้อมูลของฉัน",
  "account.language": "ภาษาที่ใช้",
  "account.languageSaved": "บันทึกภาษาแล้ว",
  "account.changePassword": "เปลี่ยนรหัสผ่าน",
  "account.myData": "ดูและดาวน์โหลดข้อมูลทั้งหมดที่ระบบเก็บเกี่ยวกับฉัน",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const accountMessages = th;
