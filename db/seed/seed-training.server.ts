import { and, eq } from "drizzle-orm";
import { THAI_FISCAL_CALENDAR, fiscalYearOfDate } from "../../app/domain/fiscal-year";
import type { Database } from "../client.server";
import { accounts, people, plans, trainingAttendance, trainingSessions } from "../schema";
import { demoStaff } from "./data/staff";
import type { SeedStaff } from "./data/types";

type SeedSession = {
  title: string;
  topic: string;
  organiser: string;
  start: string;
  end: string;
  hours: number;
  planCode: string;
  location: string;
  notes?: string;
  /** Who was invited: every division, or these. */
  divisions: "all" | string[];
  /** Of those invited and employed then, the share (per cent) who attended; chosen by a fixed hash. */
  turnout: number;
};

const HALL = "ห้องประชุมองค์การบริหารส่วนตำบลลุ่มสุ่ม";

/** Sessions over FY 2566–2570, mostly under plan 3.1 (แผนงานบริหารทั่วไป). The last one is still to come. */
const demoSessions: SeedSession[] = [
  {
    title: "การคิดเชิงสร้างสรรค์และการสร้างนวัตกรรมในองค์กร",
    topic: "นวัตกรรมและการพัฒนางาน",
    organiser: "สถาบันพัฒนาบุคลากรท้องถิ่น",
    start: "2022-12-15",
    end: "2022-12-16",
    hours: 12,
    planCode: "3.1",
    location: HALL,
    notes: "กิจกรรมเปิดแผนแม่บทนวัตกรรม พ.ศ. 2566–2570",
    divisions: "all",
    turnout: 60,
  },
  {
    title: "PDPA สำหรับเจ้าหน้าที่ อปท.",
    topic: "กฎหมายคุ้มครองข้อมูลส่วนบุคคล",
    organiser: "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล",
    start: "2023-03-09",
    end: "2023-03-09",
    hours: 6,
    planCode: "3.1",
    location: "อบรมออนไลน์ผ่าน Zoom",
    divisions: "all",
    turnout: 70,
  },
  {
    title: "การใช้ Google Workspace ในสำนักงาน",
    topic: "เทคโนโลยีดิจิทัลในสำนักงาน",
    organiser: "สำนักปลัด องค์การบริหารส่วนตำบลลุ่มสุ่ม",
    start: "2023-06-20",
    end: "2023-06-20",
    hours: 6,
    planCode: "3.1",
    location: "ห้องคอมพิวเตอร์ สำนักปลัด",
    divisions: ["office", "finance"],
    turnout: 80,
  },
  {
    title: "Design Thinking สำหรับงานบริการประชาชน",
    topic: "การออกแบบบริการ",
    organiser: "มหาวิทยาลัยราชภัฏกาญจนบุรี",
    start: "2023-11-22",
    end: "2023-11-23",
    hours: 12,
    planCode: "3.1",
    location: HALL,
    divisions: "all",
    turnout: 50,
  },
  {
    title: "การจัดทำแผนพัฒนาท้องถิ่นและการเชื่อมโยงแผนแม่บทนวัตกรรม",
    topic: "การวางแผน",
    organiser: "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกาญจนบุรี",
    start: "2024-02-14",
    end: "2024-02-14",
    hours: 6,
    planCode: "3.1",
    location: "ศาลากลางจังหวัดกาญจนบุรี",
    divisions: ["office", "finance"],
    turnout: 60,
  },
  {
    title: "การปฐมพยาบาลเบื้องต้นและการช่วยชีวิตขั้นพื้นฐาน (CPR)",
    topic: "สุขภาพและความปลอดภัย",
    organiser: "โรงพยาบาลส่งเสริมสุขภาพตำบลลุ่มสุ่ม",
    start: "2024-05-08",
    end: "2024-05-08",
    hours: 3,
    planCode: "1.1",
    location: HALL,
    divisions: "all",
    turnout: 65,
  },
  {
    title: "ระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS)",
    topic: "การเงินและบัญชี",
    organiser: "กรมส่งเสริมการปกครองท้องถิ่น",
    start: "2024-07-17",
    end: "2024-07-18",
    hours: 12,
    planCode: "3.1",
    location: "โรงแรมริเวอร์แคว จังหวัดกาญจนบุรี",
    divisions: ["finance"],
    turnout: 100,
  },
  {
    title: "การใช้ Google Workspace ในสำนักงาน รุ่นที่ 2",
    topic: "เทคโนโลยีดิจิทัลในสำนักงาน",
    organiser: "สำนักปลัด องค์การบริหารส่วนตำบลลุ่มสุ่ม",
    start: "2024-11-13",
    end: "2024-11-13",
    hours: 6,
    planCode: "3.1",
    location: "ห้องคอมพิวเตอร์ สำนักปลัด",
    divisions: ["engineering", "education", "welfare"],
    turnout: 75,
  },
  {
    title: "การเขียนโครงการนวัตกรรมเพื่อขอรับงบประมาณ",
    topic: "นวัตกรรมและการพัฒนางาน",
    organiser: "สถาบันพัฒนาบุคลากรท้องถิ่น",
    start: "2025-01-22",
    end: "2025-01-22",
    hours: 6,
    planCode: "3.1",
    location: HALL,
    divisions: "all",
    turnout: 45,
  },
  {
    title: "ความปลอดภัยในการทำงานก่อสร้างและงานซ่อมบำรุง",
    topic: "สุขภาพและความปลอดภัย",
    organiser: "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดกาญจนบุรี",
    start: "2025-03-19",
    end: "2025-03-19",
    hours: 6,
    planCode: "2.3",
    location: "โรงจอดรถและพัสดุ กองช่าง",
    divisions: ["engineering"],
    turnout: 100,
  },
  {
    title: "PDPA สำหรับเจ้าหน้าที่ อปท. (ทบทวนประจำปี)",
    topic: "กฎหมายคุ้มครองข้อมูลส่วนบุคคล",
    organiser: "สำนักปลัด องค์การบริหารส่วนตำบลลุ่มสุ่ม",
    start: "2025-06-11",
    end: "2025-06-11",
    hours: 3,
    planCode: "3.1",
    location: HALL,
    divisions: "all",
    turnout: 70,
  },
  {
    title: "การคิดเชิงสร้างสรรค์และการสร้างนวัตกรรมในองค์กร รุ่นที่ 2",
    topic: "นวัตกรรมและการพัฒนางาน",
    organiser: "สถาบันพัฒนาบุคลากรท้องถิ่น",
    start: "2025-12-10",
    end: "2025-12-11",
    hours: 12,
    planCode: "3.1",
    location: HALL,
    divisions: "all",
    turnout: 55,
  },
  {
    title: "การใช้ AI ช่วยงานเอกสารราชการอย่างปลอดภัย",
    topic: "เทคโนโลยีดิจิทัลในสำนักงาน",
    organiser: "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
    start: "2026-03-04",
    end: "2026-03-04",
    hours: 6,
    planCode: "3.1",
    location: "อบรมออนไลน์ผ่าน Zoom",
    divisions: "all",
    turnout: 50,
  },
  {
    title: "การดูแลผู้สูงอายุและผู้มีภาวะพึ่งพิงในชุมชน",
    topic: "สวัสดิการสังคม",
    organiser: "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดกาญจนบุรี",
    start: "2026-07-15",
    end: "2026-07-15",
    hours: 6,
    planCode: "1.1",
    location: HALL,
    divisions: ["welfare", "education"],
    turnout: 90,
  },
  {
    title: "Design Thinking สำหรับงานบริการประชาชน รุ่นที่ 2",
    topic: "การออกแบบบริการ",
    organiser: "มหาวิทยาลัยราชภัฏกาญจนบุรี",
    start: "2026-11-10",
    end: "2026-11-11",
    hours: 12,
    planCode: "3.1",
    location: HALL,
    divisions: "all",
    turnout: 40,
  },
  {
    title: "การจัดการข้อร้องเรียนและการสื่อสารกับประชาชน",
    topic: "การบริการประชาชน",
    organiser: "ศูนย์ดำรงธรรมจังหวัดกาญจนบุรี",
    start: "2027-01-20",
    end: "2027-01-20",
    hours: 6,
    planCode: "3.1",
    location: HALL,
    notes: "รับสมัครถึงวันที่ 10 มกราคม 2570",
    divisions: "all",
    turnout: 0,
  },
];

/** FNV-1a: a fixed, well-spread number for a string (no Math.random in seed data). */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const character of text) {
    value ^= character.codePointAt(0)!;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

function employedDuring(person: SeedStaff, start: string, end: string): boolean {
  return person.employmentStart <= end && (!person.employmentEnd || person.employmentEnd >= start);
}

/** The division a person was in on the session's first day (or the first one they joined during it). */
function divisionOn(person: SeedStaff, start: string, end: string): string | null {
  const before = person.divisions.filter((assignment) => assignment.from <= start).at(-1);
  return before?.divisionCode ?? person.divisions.find((assignment) => assignment.from <= end)?.divisionCode ?? null;
}

/** The people who attended a seed session, with their hours (a few left after half the session). */
function demoAttendees(session: SeedSession): { employeeCode: string; hours: number }[] {
  return demoStaff
    .filter((person) => employedDuring(person, session.start, session.end))
    .filter((person) => {
      const division = divisionOn(person, session.start, session.end);
      return session.divisions === "all" || (division !== null && session.divisions.includes(division));
    })
    .filter((person) => hash(`${session.start}|${person.employeeCode}`) % 100 < session.turnout)
    .map((person) => ({
      employeeCode: person.employeeCode,
      hours: hash(`hours|${session.start}|${person.employeeCode}`) % 10 === 0 ? session.hours / 2 : session.hours,
    }));
}

/**
 * Demo training sessions and attendance across FY2566–2570. Idempotent: a session is known by
 * its title and first day; one that exists is left as it is (with its attendance).
 */
export async function seedDemoTraining(db: Database): Promise<void> {
  const personIdByCode = new Map((await db.select({ id: people.id, code: people.employeeCode }).from(people)).map((row) => [row.code, row.id]));
  const planIdByCode = new Map((await db.select({ id: plans.id, code: plans.code }).from(plans)).map((row) => [row.code, row.id]));
  const [hr] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "LS004"));
  for (const session of demoSessions) {
    const [existing] = await db
      .select({ id: trainingSessions.id })
      .from(trainingSessions)
      .where(and(eq(trainingSessions.title, session.title), eq(trainingSessions.startDate, session.start)));
    if (existing) continue;
    const createdAt = new Date(`${session.start}T09:00:00+07:00`);
    createdAt.setUTCDate(createdAt.getUTCDate() - 14);
    const [inserted] = await db
      .insert(trainingSessions)
      .values({
        title: session.title,
        topic: session.topic,
        organiser: session.organiser,
        startDate: session.start,
        endDate: session.end,
        hours: session.hours,
        planId: planIdByCode.get(session.planCode) ?? null,
        location: session.location,
        notes: session.notes ?? "",
        fiscalYear: fiscalYearOfDate(session.start, THAI_FISCAL_CALENDAR),
        createdByAccountId: hr?.id ?? null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: trainingSessions.id });
    const recordedAt = new Date(`${session.end}T17:00:00+07:00`);
    const attendees = demoAttendees(session).flatMap((attendee) => {
      const personId = personIdByCode.get(attendee.employeeCode);
      return personId === undefined ? [] : [{ sessionId: inserted.id, personId, hours: attendee.hours, recordedByAccountId: hr?.id ?? null, recordedAt }];
    });
    if (attendees.length > 0) await db.insert(trainingAttendance).values(attendees).onConflictDoNothing();
  }
}
