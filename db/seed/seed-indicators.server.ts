import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client.server";
import { accounts, actionPlanActivities, lpaScores, plans, quarterlyReports } from "../schema";

// Demo data for following the plan (issue 6): the annual action plans of FY 2566–2570, the LPA
// scores of FY 2566–2569 and the committee's quarterly report texts of FY 2569 and Q1 FY 2570.
// Rules the data keeps:
// - action plan completion = done ÷ (all − cancelled): 100% in FY 2566 and 2568, 88.9% in 2567,
//   90% in 2569; the running year (2570, the demo's today is 2026-11-25) mostly planned or under way;
// - LPA scores rise every year, each above the previous (and FY 2566 above its 95.19 target);
// - the texts match what the demo data shows for the quarter (ideas, training, projects).
// Idempotent: a year's activities are written only while the year has none; scores and texts
// only where the year (or quarter) has none. What an administrator changed is never overwritten.

type SeedActivity = { title: string; planCode: string | null; status: "planned" | "in_progress" | "done" | "cancelled" };

const ACTIVITIES: Record<number, { updatedAt: string; activities: SeedActivity[] }> = {
  2566: {
    updatedAt: "2023-09-28T16:00:00+07:00",
    activities: [
      { title: "ประชุมคณะทำงานนวัตกรรมชี้แจงแผนแม่บทนวัตกรรม พ.ศ. 2566–2570 ต่อบุคลากรทุกกอง", planCode: "3.1", status: "done" },
      { title: "จัดทำคำสั่งแต่งตั้งคณะทำงานนวัตกรรมและกำหนดบทบาทหน้าที่", planCode: "3.1", status: "done" },
      { title: "อบรมการคิดเชิงสร้างสรรค์และการสร้างนวัตกรรมในองค์กร", planCode: "3.1", status: "done" },
      { title: "เปิดรับข้อเสนอไอเดียนวัตกรรมจากบุคลากร รอบที่ 1", planCode: "3.1", status: "done" },
      { title: "สำรวจความต้องการรับบริการของประชาชนเพื่อกำหนดโจทย์นวัตกรรม", planCode: "1.2", status: "done" },
      { title: "สำรวจข้อมูลครัวเรือนผู้สูงอายุ คนพิการ และผู้ด้อยโอกาสเพื่อจัดทำฐานข้อมูลตำบล", planCode: "1.1", status: "done" },
      { title: "พัฒนาต้นแบบระบบแจ้งเหตุสาธารณภัย Sakngam SOS", planCode: "2.1", status: "done" },
      { title: "ประชุมทบทวนผลการดำเนินงานตามแผนแม่บทรายไตรมาส", planCode: "3.1", status: "done" },
      { title: "ประกวดผลงานนวัตกรรมของบุคลากร ประจำปี 2566", planCode: "3.1", status: "done" },
      { title: "รายงานผลการดำเนินงานประจำปีต่อนายกองค์การบริหารส่วนตำบล", planCode: "3.1", status: "done" },
    ],
  },
  2567: {
    updatedAt: "2024-09-27T16:00:00+07:00",
    activities: [
      { title: "ประชุมคณะทำงานนวัตกรรมทบทวนแผนแม่บทประจำปี 2567", planCode: "3.1", status: "done" },
      { title: "อบรม Design Thinking สำหรับงานบริการประชาชน", planCode: "3.1", status: "done" },
      { title: "เปิดรับข้อเสนอไอเดียนวัตกรรมจากบุคลากรประจำปี", planCode: "3.1", status: "done" },
      { title: "พัฒนานวัตกรรม Sakngam care ติดตามผู้ป่วยโรคเรื้อรังในชุมชนร่วมกับ รพ.สต.", planCode: "2.1", status: "done" },
      { title: "จัดทำสื่อการเรียนรู้ Sakngam smart kids สำหรับศูนย์พัฒนาเด็กเล็ก", planCode: "2.2", status: "done" },
      { title: "ขยายผลระบบรับแจ้งซ่อมถนนและไฟฟ้าสาธารณะให้ครบทุกหมู่บ้าน", planCode: "2.3", status: "in_progress" },
      { title: "ศึกษาดูงานนวัตกรรมท้องถิ่น ณ องค์กรปกครองส่วนท้องถิ่นต้นแบบ", planCode: "3.1", status: "cancelled" },
      { title: "ปรับปรุงฐานข้อมูลผู้สูงอายุและคนพิการให้เป็นปัจจุบัน", planCode: "1.1", status: "done" },
      { title: "ประชุมทบทวนผลการดำเนินงานรายไตรมาสและรายงานนายก", planCode: "3.1", status: "done" },
      { title: "สรุปผลการดำเนินงานประจำปีและปรับแผนปี 2568", planCode: "3.1", status: "done" },
    ],
  },
  2568: {
    updatedAt: "2025-09-26T16:00:00+07:00",
    activities: [
      { title: "ประชุมคณะทำงานนวัตกรรมทบทวนแผนแม่บทประจำปี 2568", planCode: "3.1", status: "done" },
      { title: "อบรมการเขียนโครงการนวัตกรรมเพื่อขอรับงบประมาณ", planCode: "3.1", status: "done" },
      { title: "เปิดรับข้อเสนอไอเดียนวัตกรรมจากบุคลากรประจำปี", planCode: "3.1", status: "done" },
      { title: "พัฒนาแปลงสมุนไพรชุมชน Sakngam herbs&green ร่วมกับกลุ่มแม่บ้าน", planCode: "2.1", status: "done" },
      { title: "ติดตั้งจุดเฝ้าระวังระดับน้ำ Sakngam SOS ในพื้นที่เสี่ยงน้ำป่า", planCode: "2.1", status: "done" },
      { title: "จัดทำคลังแบบฟอร์มคำร้องพร้อมตัวอย่างการกรอก", planCode: "2.3", status: "done" },
      { title: "อบรมอาสาสมัครดูแลผู้สูงอายุในการใช้สมุดเยี่ยมบ้านร่วมกับ อสม.", planCode: "1.1", status: "done" },
      { title: "ยื่นขอรับความคุ้มครองทรัพย์สินทางปัญญาสำหรับผลงานนวัตกรรมที่ส่งมอบแล้ว", planCode: "3.1", status: "done" },
      { title: "ประกวดผลงานนวัตกรรมของบุคลากร ประจำปี 2568", planCode: "3.1", status: "done" },
      { title: "จัดงานแลกเปลี่ยนเรียนรู้นวัตกรรมกับองค์กรปกครองส่วนท้องถิ่นใกล้เคียง", planCode: "3.1", status: "cancelled" },
      { title: "รายงานผลการดำเนินงานประจำปีต่อนายกองค์การบริหารส่วนตำบล", planCode: "3.1", status: "done" },
    ],
  },
  2569: {
    updatedAt: "2026-09-29T16:00:00+07:00",
    activities: [
      { title: "ประชุมคณะทำงานนวัตกรรมทบทวนแผนแม่บทประจำปี 2569", planCode: "3.1", status: "done" },
      { title: "อบรมการคิดเชิงสร้างสรรค์และการสร้างนวัตกรรมในองค์กร รุ่นที่ 2", planCode: "3.1", status: "done" },
      { title: "เปิดรับข้อเสนอไอเดียนวัตกรรมผ่านระบบนวัต", planCode: "3.1", status: "done" },
      { title: "ขยายผลชุดคัดกรองพัฒนาการเด็กเล็ก Sakngam smart kids", planCode: "2.2", status: "done" },
      { title: "เปิดรับชำระภาษีด้วย QR พร้อมเพย์และหน่วยบริการเคลื่อนที่", planCode: null, status: "done" },
      { title: "ติดตั้งโคมไฟถนนโซลาร์เซลล์นำร่องในจุดมืดบนเส้นทางเด็กไปโรงเรียน", planCode: "2.3", status: "in_progress" },
      { title: "ติดตามผลการใช้ประโยชน์ชิ้นงานนวัตกรรมที่ส่งมอบแล้ว", planCode: "2.1", status: "done" },
      { title: "ประชุมทบทวนผลการดำเนินงานรายไตรมาสและรายงานนายก", planCode: "3.1", status: "done" },
      { title: "ประกวดผลงานนวัตกรรมของบุคลากร ประจำปี 2569", planCode: "3.1", status: "done" },
      { title: "สรุปบทเรียนและทบทวนแผนแม่บทเพื่อจัดทำแผนปฏิบัติการปี 2570", planCode: "3.1", status: "done" },
    ],
  },
  2570: {
    updatedAt: "2026-11-20T16:00:00+07:00",
    activities: [
      { title: "ประชุมคณะทำงานนวัตกรรมทบทวนแผนแม่บทประจำปี 2570", planCode: "3.1", status: "done" },
      { title: "เปิดรับข้อเสนอไอเดียนวัตกรรมจากบุคลากร (เป้าหมายการมีส่วนร่วมร้อยละ 80)", planCode: "3.1", status: "in_progress" },
      { title: "อบรม Design Thinking สำหรับงานบริการประชาชน รุ่นที่ 2", planCode: "3.1", status: "in_progress" },
      { title: "พัฒนาระบบจดมาตรวัดน้ำประปาพร้อมถ่ายภาพหน้าปัด", planCode: "2.3", status: "in_progress" },
      { title: "ขยายผลบัตรแผนอพยพประจำบ้าน Sakngam SOS ในพื้นที่เสี่ยงน้ำป่า", planCode: "2.1", status: "planned" },
      { title: "อบรมการขอรับความคุ้มครองทรัพย์สินทางปัญญาสำหรับผลงานนวัตกรรม", planCode: "3.1", status: "planned" },
      { title: "ประกวดผลงานนวัตกรรมของบุคลากร ประจำปี 2570", planCode: "3.1", status: "planned" },
      { title: "สำรวจความพึงพอใจของประชาชนต่อชิ้นงานนวัตกรรมที่ใช้งานอยู่", planCode: "2.1", status: "planned" },
      { title: "ประเมินผลแผนแม่บทนวัตกรรม พ.ศ. 2566–2570 ตลอดระยะแผน", planCode: "3.1", status: "planned" },
      { title: "ยกร่างแผนแม่บทนวัตกรรมฉบับถัดไป", planCode: "3.1", status: "planned" },
    ],
  },
};

const lpaSource = (yearBE: number) =>
  `หนังสือจังหวัดกาญจนบุรี แจ้งผลการประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) ประจำปี พ.ศ. ${yearBE}`;

const LPA_SCORES = [
  { fiscalYear: 2566, score: 95.3, areas: null, updatedAt: "2024-02-15T10:00:00+07:00" },
  { fiscalYear: 2567, score: 95.82, areas: null, updatedAt: "2025-02-14T10:00:00+07:00" },
  { fiscalYear: 2568, score: 96.1, areas: { area1: 96.8, area2: 95.5, area3: 97.2, area4: 95.1, area5: 95.9 }, updatedAt: "2026-02-13T10:00:00+07:00" },
  { fiscalYear: 2569, score: 96.55, areas: { area1: 97.1, area2: 96.0, area3: 97.4, area4: 95.6, area5: 96.65 }, updatedAt: "2026-11-18T10:00:00+07:00" },
];

/** Written by the innovation working group's secretary (the committee demo account). */
const TEXT_AUTHOR = "LS005";

const QUARTERLY_TEXTS: { fiscalYear: number; quarter: number; updatedAt: string; problems: string; nextSteps: string }[] = [
  {
    fiscalYear: 2569,
    quarter: 1,
    updatedAt: "2026-01-08T15:30:00+07:00",
    problems:
      "ไตรมาสแรกของปีมีข้อเสนอไอเดียเพียง 3 เรื่อง เนื่องจากบุคลากรส่วนใหญ่ติดภารกิจปิดงบประมาณและจัดเก็บภาษีช่วงต้นปีงบประมาณ\n\n" +
      "บุคลากรกองช่างและกองคลังบางส่วนยังไม่คุ้นเคยกับการเสนอไอเดียผ่านระบบนวัต และเข้าใจว่าต้องเป็นเรื่องเทคโนโลยีเท่านั้น",
    nextSteps:
      "จัดอบรมการคิดเชิงสร้างสรรค์ รุ่นที่ 2 ให้ครบทุกกอง และให้ผู้อำนวยการกองชวนบุคลากรในกองเสนอไอเดียอย่างน้อยกองละ 2 เรื่อง\n\n" +
      "ประชาสัมพันธ์ตัวอย่างไอเดียที่ไม่ใช่เทคโนโลยี เช่น คู่มือภาพการดูแลปั๊มน้ำ และธงสีแจ้งสถานะน้ำประปา ผ่านการประชุมประจำเดือน",
  },
  {
    fiscalYear: 2569,
    quarter: 2,
    updatedAt: "2026-04-09T14:00:00+07:00",
    problems:
      "ข้อเสนอไอเดียเพิ่มขึ้นหลังการอบรม แต่การกลั่นกรองล่าช้า เพราะคณะทำงานประชุมได้เดือนละครั้ง\n\n" +
      "โครงการคู่มือภาพดูแลปั๊มน้ำเริ่มดำเนินการแล้ว แต่ยังขาดงบประมาณจัดพิมพ์คู่มือฉบับสี",
    nextSteps:
      "เพิ่มการประชุมกลั่นกรองไอเดียเป็นเดือนละ 2 ครั้งในช่วงเดือนเมษายน–มิถุนายน\n\n" +
      "เสนอขอโอนงบประมาณหมวดค่าวัสดุสำหรับจัดพิมพ์คู่มือ และทดลองใช้คู่มือฉบับพิมพ์ขาวดำในหมู่ที่ 3 ก่อน",
  },
  {
    fiscalYear: 2569,
    quarter: 3,
    updatedAt: "2026-07-07T11:00:00+07:00",
    problems:
      "อัตราการมีส่วนร่วมของบุคลากร ณ สิ้นไตรมาสยังต่ำกว่าเป้าหมายร้อยละ 70 โดยเฉพาะพนักงานจ้างทั่วไปที่ปฏิบัติงานภาคสนาม\n\n" +
      "พนักงานใหม่และผู้รับงานแทนยังขาดความรู้ในงานที่รับช่วง ทำให้งานบางส่วนล่าช้า",
    nextSteps:
      "ให้หัวหน้างานภาคสนามรวบรวมไอเดียจากการพูดคุยหน้างานและช่วยบันทึกเข้าระบบในนามผู้เสนอ\n\n" +
      "ต่อยอดไอเดียคลิปสอนงานสั้น 3 นาทีสำหรับพนักงานใหม่ โดยเริ่มจากงานประปาและงานจัดเก็บภาษี",
  },
  {
    fiscalYear: 2569,
    quarter: 4,
    updatedAt: "2026-10-08T10:30:00+07:00",
    problems:
      "สิ้นปีงบประมาณ 2569 อัตราการมีส่วนร่วมอยู่ที่ร้อยละ 65.7 ต่ำกว่าเป้าหมายร้อยละ 70\n\n" +
      "กิจกรรมติดตั้งโคมไฟถนนโซลาร์เซลล์นำร่องยังไม่แล้วเสร็จ เพราะรอผลการสำรวจจุดติดตั้งร่วมกับผู้นำชุมชน",
    nextSteps:
      "ปีงบประมาณ 2570 ตั้งเป้าการมีส่วนร่วมร้อยละ 80 โดยให้ทุกกองกำหนดผู้ประสานงานนวัตกรรมประจำกอง และติดตามรายชื่อผู้ที่ยังไม่ได้ร่วมเสนอไอเดียทุกไตรมาส\n\n" +
      "ยกกิจกรรมโคมไฟถนนโซลาร์เซลล์ไปดำเนินการต่อในไตรมาสที่ 1 ปี 2570",
  },
  {
    fiscalYear: 2570,
    quarter: 1,
    updatedAt: "2026-11-24T16:20:00+07:00",
    problems:
      "ช่วงต้นปีงบประมาณบุคลากรจำนวนมากติดภารกิจจัดเก็บภาษีและเตรียมงานประจำปี ทำให้ข้อเสนอไอเดียยังน้อยเมื่อเทียบกับเป้าหมายร้อยละ 80\n\n" +
      "ชิ้นงานชุดวิทยุสื่อสารเครือข่ายอาสาเฝ้าระวังไฟป่าส่งมอบแล้ว แต่ยังต้องอบรมอาสาสมัครเพิ่มเติมก่อนเข้าฤดูไฟป่า",
    nextSteps:
      "ผู้อำนวยการกองใช้รายชื่อผู้ที่ยังไม่ได้ร่วมเสนอไอเดียจากหน้าตัวชี้วัด ชวนบุคลากรในกองเสนอไอเดียก่อนสิ้นเดือนธันวาคม\n\n" +
      "จัดอบรมการใช้วิทยุสื่อสารให้อาสาสมัครเฝ้าระวังไฟป่าทุกหมู่บ้านภายในเดือนมกราคม 2570",
  },
];

export async function seedDemoIndicators(db: Database): Promise<void> {
  const planIdByCode = new Map((await db.select({ id: plans.id, code: plans.code }).from(plans)).map((row) => [row.code, row.id]));
  const yearsWithActivities = new Set(
    (await db.selectDistinct({ fiscalYear: actionPlanActivities.fiscalYear }).from(actionPlanActivities).where(inArray(actionPlanActivities.fiscalYear, Object.keys(ACTIVITIES).map(Number)))).map(
      (row) => row.fiscalYear,
    ),
  );
  for (const [year, { updatedAt, activities }] of Object.entries(ACTIVITIES)) {
    const fiscalYear = Number(year);
    if (yearsWithActivities.has(fiscalYear)) continue;
    await db.insert(actionPlanActivities).values(
      activities.map((activity, index) => {
        const planId = activity.planCode === null ? null : planIdByCode.get(activity.planCode);
        if (planId === undefined) throw new Error(`seed: action plan activity names unknown plan ${activity.planCode}`);
        return { fiscalYear, title: activity.title, planId, status: activity.status, sortOrder: index + 1, updatedAt: new Date(updatedAt) };
      }),
    );
  }

  await db
    .insert(lpaScores)
    .values(LPA_SCORES.map((entry) => ({ fiscalYear: entry.fiscalYear, score: entry.score, source: lpaSource(entry.fiscalYear), areas: entry.areas, updatedAt: new Date(entry.updatedAt) })))
    .onConflictDoNothing();

  const [author] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, TEXT_AUTHOR));
  await db
    .insert(quarterlyReports)
    .values(
      QUARTERLY_TEXTS.map((text) => ({
        fiscalYear: text.fiscalYear,
        quarter: text.quarter,
        problems: text.problems,
        nextSteps: text.nextSteps,
        updatedAt: new Date(text.updatedAt),
        updatedByAccountId: author?.id ?? null,
      })),
    )
    .onConflictDoNothing();
}
