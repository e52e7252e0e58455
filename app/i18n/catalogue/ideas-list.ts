// Messages of the idea list's search, filters and paging. Their own area so that pages showing
// an idea (the committee's review page) do not bundle them.
// Thai only: English lives in ./ideas-list.en.ts, which only the server imports.
export const th = {
  "ideas.list.title": "ไอเดียทั้งหมด",
  "ideas.list.search": "ค้นหา",
  "ideas.list.searchHint": "พิมพ์คำภาษาไทยหรืออังกฤษ เช่น น้ำท่วม",
  "ideas.list.stage": "ขั้นตอน",
  "ideas.list.division": "กอง",
  "ideas.list.fiscalYear": "ปีงบประมาณ",
  "ideas.list.mine": "เฉพาะไอเดียของฉัน",
  "ideas.list.sort": "เรียงตาม",
  "ideas.list.sort.newest": "ใหม่ล่าสุด",
  "ideas.list.sort.votes": "โหวตมากที่สุด",
  "ideas.list.sort.discussed": "ความคิดเห็นมากที่สุด",
  "ideas.list.any": "ทั้งหมด",
  "ideas.list.apply": "ค้นหา",
  "ideas.list.clear": "ล้างตัวกรอง",
  "ideas.list.empty": "ไม่พบไอเดียที่ตรงกับเงื่อนไข",
  "ideas.list.next": "หน้าถัดไป",
  "ideas.list.first": "กลับหน้าแรก",
} as const;

/** Pass to useI18n(...) in a component that shows these messages. */
export const ideasListMessages = th;
