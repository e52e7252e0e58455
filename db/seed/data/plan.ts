// The customer's innovation master plan, FY 2566–2570 (section 4 of
// /work/shared/seed/innovation-master-plan-2566-2570.th.md). Names follow the document, with the PDF
// extraction's errors corrected (หมวดหมายที่ → หมุดหมายที่, ค้ำครอง → คุ้มครอง, ลุ่มสุม → ลุ่มสุ่ม).
// Years are written with Arabic digits (the document uses Thai digits).
import type { SeedIndicator, SeedLpaScore, SeedStrategy } from "./types";

export const planPeriod = { firstFiscalYearBE: 2566, lastFiscalYearBE: 2570 } as const;

const PLAN_SOURCE =
  "แผนแม่บทนวัตกรรม องค์การบริหารส่วนตำบลลุ่มสุ่ม ประจำปีงบประมาณ พ.ศ. 2566–2570";

// Codes: strategies "1".."3", plans "1.1".."3.1" as numbered in the document; projects get short
// ASCII slugs. Plans 1.1–1.4 list areas of work but no named project, so they have no projects here.
// The document names the Sakngam projects only; their descriptions below are built from the
// plan's own wording for the matching area of work (แผนงาน 1.2–1.4) and its goals.
export const strategies: SeedStrategy[] = [
  {
    code: "1",
    nameTh:
      "แผนยุทธศาสตร์ชาติ 20 ปี (พ.ศ. 2561–2580) ด้านที่ 4 ยุทธศาสตร์ด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
    nameEn:
      "20-Year National Strategy (2018–2037), Pillar 4: Creating Opportunities and Social Equality",
    descriptionTh:
      "การสร้างความเสมอภาคเพื่อรองรับสังคมผู้สูงอายุและการพัฒนาพื้นที่ เป้าประสงค์เชิงยุทธศาสตร์: " +
      "(1) จัดทำแผนที่ภาษีและทะเบียนทรัพย์สิน " +
      "(2) เพื่อสำรวจและจัดเก็บรวบรวมข้อมูลครัวเรือนและข้อมูลการบริการสาธารณะลงในแผนที่ภาษีและทะเบียนทรัพย์สิน " +
      "(3) เพื่อส่งเสริมสนับสนุนการดูแลสุขภาพ การปรับปรุงที่อยู่อาศัย และช่วยเหลือแก่ผู้สูงอายุ คนพิการและผู้ด้อยโอกาส การให้บริการประชาชนในรูปแบบเทคโนโลยี " +
      "(4) เพื่อส่งเสริมสนับสนุนช่วยเหลือการพัฒนาตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และแก้ไขเพิ่มเติม (ฉบับที่ 7 พ.ศ. 2562)",
    plans: [
      {
        // Document: ส่งเสริมและสนับสนุนกิจกรรมโครงการด้านสุขภาพอนามัยผู้สูงอายุ … ส่งเสริมการพัฒนาสตรี เด็กและเยาวชน ผู้สูงอายุและพิการ
        code: "1.1",
        nameTh: "แผนงานสังคมสงเคราะห์",
        nameEn: "Social Welfare Plan",
        projects: [],
      },
      {
        // Document: การป้องกันโรคและระงับโรคติดต่อ ป้องกันและบรรเทาสาธารณภัย คุ้มครอง ดูแลและบำรุงรักษาทรัพยากรธรรมชาติและสิ่งแวดล้อม
        code: "1.2",
        nameTh: "แผนงานสร้างความเข้มแข็งของชุมชน",
        nameEn: "Community Strengthening Plan",
        projects: [],
      },
      {
        // Document: ส่งเสริมการศึกษา ศาสนาและวัฒนธรรม
        code: "1.3",
        nameTh: "แผนงานการศึกษา",
        nameEn: "Education Plan",
        projects: [],
      },
      {
        // Document: จัดให้มีและบำรุงทางน้ำและทางบก การรักษาความสะอาดของถนน ทางน้ำ ทางเดินและที่สาธารณะ รวมทั้งการกำจัดขยะมูลฝอยและสิ่งปฏิกูล
        code: "1.4",
        nameTh: "แผนงานอุตสาหกรรมและการโยธา",
        nameEn: "Industry and Public Works Plan",
        projects: [],
      },
    ],
  },
  {
    code: "2",
    nameTh:
      "การพัฒนานวัตกรรมเพื่อให้บริการประชาชน ตามแผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13 (พ.ศ. 2566–2570) หมุดหมายที่ 13 ภาครัฐสมรรถนะสูง",
    nameEn:
      "Developing innovation to serve the people: 13th National Economic and Social Development Plan (2023–2027), Milestone 13: a high-performance public sector",
    descriptionTh:
      "เป้าประสงค์เชิงยุทธศาสตร์: เพื่อกำหนดทิศทางการพัฒนาผลงานนวัตกรรมให้สอดคล้องกับเทคโนโลยี สนองความต้องการของผู้ใช้บริการ " +
      "รวมถึงการนำแนวคิดสร้างสรรค์ที่เป็นประโยชน์ไปพัฒนาเป็นนวัตกรรมโดยใช้กระบวนการด้านนวัตกรรมเพื่อเพิ่มประสิทธิภาพในการให้บริการประชาชน " +
      "กลยุทธ์การพัฒนา: การพัฒนาคุณภาพการให้บริการภาครัฐที่ตอบโจทย์ สะดวกและประหยัด; " +
      "การสร้างระบบบริหารภาครัฐที่ส่งเสริมการปรับเปลี่ยนและพัฒนาบุคลากรให้มีทักษะที่จำเป็นในการบริการภาครัฐดิจิทัล และปรับปรุงกฎหมาย ระเบียบ มาตรการภาครัฐให้เอื้อต่อการพัฒนาประเทศ; " +
      "การพัฒนาด้านการส่งเสริมสุขภาพอนามัยและคุณภาพชีวิตประชาชนและสังคมที่เข้มแข็ง",
    plans: [
      {
        code: "2.1",
        nameTh: "แผนงานสร้างความเข้มแข็งของชุมชน",
        nameEn: "Community Strengthening Plan",
        projects: [
          {
            code: "sakngam-life",
            nameTh: "โครงการพัฒนานวัตกรรม Sakngam Life",
            nameEn: "Sakngam Life innovation development project",
            descriptionTh:
              "พัฒนานวัตกรรมภายใต้แผนงานสร้างความเข้มแข็งของชุมชน เพื่อลดความเหลื่อมล้ำโอกาสทางสังคมของประชาชนในตำบลและเพิ่มคุณภาพชีวิต",
          },
          {
            code: "sakngam-sos",
            nameTh:
              "โครงการพัฒนานวัตกรรมเพื่อช่วยเหลือประชาชนด้านบรรเทาสาธารณภัย (Sakngam SOS)",
            nameEn: "Innovation to help people in disaster relief (Sakngam SOS)",
            descriptionTh:
              "พัฒนานวัตกรรมเพื่อให้บริการและช่วยเหลือประชาชนด้านการป้องกันและบรรเทาสาธารณภัย",
          },
          {
            code: "sakngam-herbs-green",
            nameTh:
              "โครงการคุ้มครอง ดูแล และบำรุงรักษาทรัพยากรธรรมชาติและสิ่งแวดล้อม (Sakngam herbs&green)",
            nameEn:
              "Protecting, caring for and maintaining natural resources and the environment (Sakngam herbs&green)",
            descriptionTh:
              "พัฒนานวัตกรรมเพื่อคุ้มครอง ดูแล และบำรุงรักษาทรัพยากรธรรมชาติและสิ่งแวดล้อมในพื้นที่ตำบล",
          },
          {
            code: "sakngam-care",
            nameTh: "โครงการป้องกันโรคและระงับโรคติดต่อ (Sakngam care)",
            nameEn: "Preventing disease and controlling communicable diseases (Sakngam care)",
            descriptionTh:
              "พัฒนานวัตกรรมเพื่อให้บริการและช่วยเหลือประชาชนด้านการป้องกันโรคและระงับโรคติดต่อ",
          },
        ],
      },
      {
        code: "2.2",
        nameTh: "แผนงานการศึกษา",
        nameEn: "Education Plan",
        projects: [
          {
            code: "sakngam-smart-kids",
            nameTh:
              "โครงการพัฒนานวัตกรรมส่งเสริมคุณภาพการศึกษาและพัฒนาเด็กเล็ก (Sakngam smart kids)",
            nameEn:
              "Innovation to raise the quality of education and early-childhood development (Sakngam smart kids)",
            descriptionTh:
              "พัฒนานวัตกรรมเพื่อส่งเสริมคุณภาพการศึกษาและพัฒนาการของเด็กเล็ก ภายใต้แผนงานการศึกษา (ส่งเสริมการศึกษา ศาสนาและวัฒนธรรม)",
          },
        ],
      },
      {
        code: "2.3",
        nameTh: "แผนงานอุตสาหกรรมและการโยธา",
        nameEn: "Industry and Public Works Plan",
        projects: [
          {
            code: "sakngam-infrastructure",
            nameTh:
              "โครงการพัฒนาโครงสร้างพื้นฐานเพื่อตอบโจทย์ของประชาชน (Sakngam infrastructure innovation)",
            nameEn:
              "Developing infrastructure that meets the people's needs (Sakngam infrastructure innovation)",
            descriptionTh:
              "พัฒนานวัตกรรมด้านโครงสร้างพื้นฐาน เช่น ทางน้ำและทางบก การรักษาความสะอาดของถนนและที่สาธารณะ และการกำจัดขยะมูลฝอยและสิ่งปฏิกูล ให้ตอบโจทย์ประชาชน",
          },
        ],
      },
    ],
  },
  {
    code: "3",
    nameTh: "การส่งเสริมและพัฒนาบุคลากรด้านนวัตกรรม",
    nameEn: "Promoting and developing staff capability in innovation",
    descriptionTh:
      "ตามยุทธศาสตร์การพัฒนาขององค์การบริหารส่วนตำบลลุ่มสุ่ม ยุทธศาสตร์ที่ 7 การพัฒนาการบริหารจัดการองค์กรปกครองส่วนท้องถิ่นให้มีประสิทธิภาพและธรรมาภิบาล " +
      "เป้าประสงค์เชิงยุทธศาสตร์: เพื่อยกระดับความสามารถด้านนวัตกรรมของบุคลากรและปลูกฝังค่านิยมและวัฒนธรรมนวัตกรรมให้เป็นส่วนหนึ่งของการปฏิบัติงาน",
    plans: [
      {
        // The document's spelling (the budget classification usually says แผนงานบริหารงานทั่วไป).
        code: "3.1",
        nameTh: "แผนงานบริหารทั่วไป",
        nameEn: "General Administration Plan",
        projects: [
          {
            // The document gives this as a line of work, not a titled project; the name is shortened
            // from it and the description is the document's text.
            code: "innovation-training",
            nameTh: "โครงการฝึกอบรมด้านเทคโนโลยีเพื่อส่งเสริมวัฒนธรรมนวัตกรรม",
            nameEn: "Technology training to foster an innovation culture",
            descriptionTh:
              "ส่งเสริมการฝึกอบรมด้านเทคโนโลยีเพื่อส่งเสริมวัฒนธรรมที่มุ่งเน้นความคิดสร้างสรรค์และการสร้างนวัตกรรมอย่างเป็นรูปธรรมทั่วทั้งองค์กร",
          },
        ],
      },
    ],
  },
];

export const indicators: SeedIndicator[] = [
  {
    code: "LG1",
    nameTh:
      "ร้อยละบุคลากรภายในที่มีส่วนร่วมในการให้ความคิดสร้างสรรค์ที่เป็นประโยชน์เพื่อนำไปสู่การสร้างนวัตกรรมต่อจำนวนบุคลากรภายในทั้งหมด",
    nameEn:
      "Share of internal staff who contributed useful creative ideas leading to innovation, out of all internal staff",
    descriptionTh:
      "จำนวนบุคลากรภายในที่มีส่วนร่วมในการให้ความคิดสร้างสรรค์ที่เป็นประโยชน์เพื่อนำไปสู่การสร้างนวัตกรรม หารด้วยจำนวนบุคลากรภายในทั้งหมด คูณ 100 (ตัวชี้วัดผลผลิตของยุทธศาสตร์ที่ 3)",
    kind: "output",
    unit: "percent",
    strategyCodes: ["3"],
    comparison: "at_least",
    targets: { 2566: 40, 2567: 50, 2568: 60, 2569: 70, 2570: 80 },
  },
  {
    code: "ACTION_PLAN",
    nameTh: "ร้อยละของการดำเนินการตามแผนปฏิบัติการประจำปีภายใต้แผนแม่บทนวัตกรรม",
    nameEn: "Share of the annual action plan under the innovation master plan carried out",
    descriptionTh:
      "ความสำเร็จการดำเนินงานตามแผนแม่บทนวัตกรรมขององค์กร วัดจากร้อยละของการดำเนินการตามแผนปฏิบัติการประจำปีภายใต้แผนแม่บทนวัตกรรม (ตัวชี้วัดผลผลิตของยุทธศาสตร์ที่ 1)",
    kind: "output",
    unit: "percent",
    strategyCodes: ["1"],
    comparison: "at_least",
    targets: { 2566: 100, 2567: 100, 2568: 100, 2569: 100, 2570: 100 },
  },
  {
    code: "LPA",
    nameTh:
      "คะแนนประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) เพิ่มขึ้นจากปีก่อนหน้า",
    nameEn: "Local Performance Assessment (LPA) score higher than the previous year",
    descriptionTh:
      "คะแนนประเมินผล LPA (Local Performance Assessment) ของแต่ละปีงบประมาณเพิ่มขึ้นจากปีก่อนหน้า (ตัวชี้วัดผลลัพธ์ของยุทธศาสตร์ที่ 1)",
    kind: "outcome",
    unit: "score",
    strategyCodes: ["1"],
    comparison: "above_previous",
    // The document's target table shows "ร้อยละ ๙๐" under ปี ๒๕๖๖ (an apparent template leftover: the
    // score is not a percentage and 90 is below every past score); its note under the table sets
    // "ปี ๒๕๖๖ ตั้งเป้าหมายไว้ ๙๕.๑๙ คะแนน", which is used here. No numeric target after 2566: the
    // target is simply "above the previous year".
    targets: { 2566: 95.19, 2567: null, 2568: null, 2569: null, 2570: null },
  },
  {
    code: "INNOVATION_PROJECTS",
    nameTh: "จำนวนโครงการนวัตกรรมที่พัฒนาขึ้นในระยะเวลา 5 ปี ตามแผนแม่บทนวัตกรรม",
    nameEn: "Innovation projects developed under the master plan over its 5 years",
    descriptionTh:
      "จำนวนโครงการนวัตกรรมที่จัดทำตามแผนแม่บทนวัตกรรมในระยะเวลา 5 ปี (ตัวชี้วัดผลผลิตของยุทธศาสตร์ที่ 2)",
    kind: "output",
    unit: "count",
    strategyCodes: ["2"],
    comparison: "at_least",
    // The document does not say per year or cumulative; targets rising 1→5 over "5 years" read as
    // cumulative since FY 2566. The plan owner can switch it (both figures are always shown).
    countMode: "cumulative",
    targets: { 2566: 1, 2567: 2, 2568: 3, 2569: 4, 2570: 5 },
  },
  {
    code: "INNOVATIONS",
    nameTh: "จำนวนนวัตกรรมที่พัฒนาขึ้นในระยะเวลา 5 ปี ตามแผนแม่บทนวัตกรรม",
    nameEn: "Innovations developed under the master plan over its 5 years",
    descriptionTh:
      "จำนวนชิ้นงานนวัตกรรมที่พัฒนาขึ้นตามแผนแม่บทนวัตกรรมในระยะเวลา 5 ปี ไม่น้อยกว่าเป้าหมายของแต่ละปี (ตัวชี้วัดผลลัพธ์ของยุทธศาสตร์ที่ 2 และ 3)",
    kind: "outcome",
    unit: "count",
    strategyCodes: ["2", "3"],
    comparison: "at_least",
    countMode: "cumulative",
    targets: { 2566: 1, 2567: 2, 2568: 3, 2569: 4, 2570: 5 },
  },
];

// The document's note under strategy 1's indicators (section 4.4.1): LPA scores of FY 2561–2565.
const LPA_SOURCE = `${PLAN_SOURCE} ส่วนที่ 4 ข้อ 4.4.1 (หมายเหตุ ผลการดำเนินงานย้อนหลัง)`;

export const lpaHistory: SeedLpaScore[] = [
  { fiscalYearBE: 2561, score: 90.59, source: LPA_SOURCE },
  { fiscalYearBE: 2562, score: 91.25, source: LPA_SOURCE },
  { fiscalYearBE: 2563, score: 92.45, source: LPA_SOURCE },
  { fiscalYearBE: 2564, score: 93.51, source: LPA_SOURCE },
  { fiscalYearBE: 2565, score: 94.15, source: LPA_SOURCE },
];
