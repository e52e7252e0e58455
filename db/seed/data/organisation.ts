// The first customer: องค์การบริหารส่วนตำบลลุ่มสุ่ม, อำเภอไทรโยค จังหวัดกาญจนบุรี.
// Source: /work/shared/seed/innovation-master-plan-2566-2570.th.md (the PDF extraction garbles the
// name as ลุ่มสุม / ลุ่มลุ่ม / กลุ่มสี่มู and the district as ไพรโยค; the correct forms are used here).
import type { SeedCategory, SeedDivision } from "./types";

export const organisation: {
  nameTh: string;
  nameEn: string;
  /** Bare district name, without the word อำเภอ. */
  districtTh: string;
  /** Bare province name, without the word จังหวัด. */
  provinceTh: string;
} = {
  nameTh: "องค์การบริหารส่วนตำบลลุ่มสุ่ม",
  nameEn: "Lum Sum Subdistrict Administrative Organization",
  districtTh: "ไทรโยค",
  provinceTh: "กาญจนบุรี",
};

// The units of the อบต. The plan names สำนักปลัด, กองคลัง and กองช่าง (and ฝ่ายบริหารงานทั่วไป, which is a
// section inside สำนักปลัด, not a division of its own, so it is not listed separately: its staff are
// in "office"). กองการศึกษาฯ and กองสวัสดิการสังคม are the usual other divisions of an อบต.
export const divisions: SeedDivision[] = [
  { code: "office", nameTh: "สำนักปลัด", nameEn: "Office of the Permanent Secretary" },
  { code: "finance", nameTh: "กองคลัง", nameEn: "Finance Division" },
  { code: "engineering", nameTh: "กองช่าง", nameEn: "Engineering Division" },
  {
    code: "education",
    nameTh: "กองการศึกษา ศาสนาและวัฒนธรรม",
    nameEn: "Education, Religion and Culture Division",
  },
  { code: "welfare", nameTh: "กองสวัสดิการสังคม", nameEn: "Social Welfare Division" },
];

export const staffCategories: SeedCategory[] = [
  {
    code: "civil_servant",
    nameTh: "ข้าราชการ/พนักงานส่วนตำบล",
    nameEn: "Local government official",
  },
  { code: "permanent_employee", nameTh: "ลูกจ้างประจำ", nameEn: "Permanent employee" },
  {
    code: "mission_employee",
    nameTh: "พนักงานจ้างตามภารกิจ",
    nameEn: "Mission-based contract employee",
  },
  { code: "general_employee", nameTh: "พนักงานจ้างทั่วไป", nameEn: "General contract employee" },
];
