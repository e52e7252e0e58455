import { and, eq, inArray } from "drizzle-orm";
import { THAI_FISCAL_CALENDAR, fiscalYearOfDate } from "../../app/domain/fiscal-year";
import type { IpStatusValue } from "../../app/domain/ip-status";
import type { Database } from "../client.server";
import {
  accounts,
  attachments,
  ideaStageEvents,
  ideas,
  innovationFollowUps,
  innovations,
  people,
  plans,
  projectMembers,
  projectMilestones,
  projects,
  type ProjectStatus,
} from "../schema";

// Demo projects of อบต.ลุ่มสุ่ม for the demo ideas that reached "approved", "in progress" and
// "implemented" (db/seed/data/ideas.ts), some joined to the plan's named Sakngam projects.
// Rules the data keeps:
// - a project's start is the day its first idea went "in progress"; its fiscal year is that of
//   the start once it is active or completed, none while only planned (the approved ideas);
// - every "implemented" idea's project delivered an innovation after the idea's last move; an
//   idea still "in progress" is only on a project whose first innovation came before the idea
//   joined it (the first innovation is what moves ideas to "implemented");
// - owners and teams are the ideas' authors (a leaver is replaced on a project still running);
// - fiscal years spread over FY 2566–2570: projects started 7/7/3/1/1, innovations 4/5/2/1/1.
// Idempotent: a project is made only while its first idea has none (the Sakngam and training
// projects of the plan are filled in only while they have no owner).

type SeedMilestone = { title: string; due?: string; done?: string };
type SeedFollowUp = { reportedOn: string; observation: string; beneficiaries: string; byCode: string };
type SeedInnovation = {
  nameTh: string;
  nameEn: string;
  description: string;
  deliveredOn: string;
  beneficiaries: string;
  ip?: { status: IpStatusValue; number?: string; filedOn?: string; grantedOn?: string };
  byCode: string;
  followUps: SeedFollowUp[];
};
type SeedProject = {
  /** The plan's project to fill in (by code), or a new project under `planCode`. */
  planProjectCode?: string;
  planCode?: string;
  nameTh?: string;
  nameEn?: string;
  descriptionTh?: string;
  ideaKeys: string[];
  ownerCode: string;
  memberCodes: string[];
  budget: number;
  startDate: string;
  endDate: string;
  status: ProjectStatus;
  progress: number;
  createdAt: string;
  milestones: SeedMilestone[];
  innovations: SeedInnovation[];
};

const COMMITTEE_RECORDER = "LS005";

const DEMO_PROJECTS: SeedProject[] = [
  // ───────── The plan's named projects, carrying ideas ─────────
  {
    planProjectCode: "sakngam-sos",
    ideaKeys: ["I001", "I021"],
    ownerCode: "LS008",
    memberCodes: ["LS013", "LS010"],
    budget: 185000,
    startDate: "2023-02-01",
    endDate: "2027-09-30",
    status: "active",
    progress: 65,
    createdAt: "2023-01-10T15:00:00+07:00",
    milestones: [
      { title: "ติดตั้งป้ายระดับน้ำสามสีที่สะพาน 4 จุด", due: "2023-03-31", done: "2023-03-28" },
      { title: "อบรม อปพร. รายงานระดับน้ำทางวิทยุสื่อสาร", due: "2023-05-31", done: "2023-05-24" },
      { title: "ซ้อมประกาศเตือนภัยผ่านหอกระจายข่าวทุกหมู่บ้าน", due: "2023-07-31", done: "2023-08-10" },
      { title: "จัดตั้งคลังอุปกรณ์ดับไฟป่าประจำหมู่บ้านครบ 8 หมู่", due: "2026-12-31" },
    ],
    innovations: [
      {
        nameTh: "ระบบเตือนภัยน้ำป่าผ่านหอกระจายข่าวและวิทยุสื่อสาร",
        nameEn: "Flash-flood warning over village loudspeakers and two-way radio",
        description:
          "จุดเฝ้าระวังระดับน้ำต้นลำห้วย 2 จุด อปพร. รายงานทางวิทยุสื่อสารถึงศูนย์ อบต. เมื่อถึงระดับเตือนจะประกาศผ่านหอกระจายข่าวทุกหมู่บ้านพร้อมกัน และมีป้ายระดับน้ำสามสีที่สะพานให้ชาวบ้านดูเองได้ ใช้งานได้แม้ไฟฟ้าหรืออินเทอร์เน็ตล่ม",
        deliveredOn: "2023-09-05",
        beneficiaries: "ครัวเรือนริมลำห้วย 312 ครัวเรือน ในหมู่ที่ 2, 3 และ 5",
        byCode: "LS002",
        followUps: [
          {
            reportedOn: "2024-10-15",
            observation: "ฤดูฝนปี 2567 ประกาศเตือน 4 ครั้ง ชาวบ้านขนย้ายทรัพย์สินขึ้นที่สูงได้ทันทุกครั้ง ไม่มีผู้บาดเจ็บ วิทยุสื่อสาร 1 เครื่องเสีย ซ่อมแล้ว",
            beneficiaries: "312 ครัวเรือน (ประมาณ 1,050 คน)",
            byCode: "LS005",
          },
          {
            reportedOn: "2025-10-20",
            observation: "ขยายป้ายระดับน้ำเพิ่มอีก 2 จุดที่หมู่ 6 ตามคำขอของผู้ใหญ่บ้าน ประกาศเตือน 3 ครั้ง ชาวบ้านรู้จักสีป้ายและเตรียมตัวเองก่อนประกาศ",
            beneficiaries: "380 ครัวเรือน ในหมู่ที่ 2, 3, 5 และ 6",
            byCode: "LS039",
          },
        ],
      },
      {
        nameTh: "ชุดวิทยุสื่อสารเครือข่ายอาสาเฝ้าระวังไฟป่า",
        nameEn: "Two-way radio kits for the volunteer forest-fire watch",
        description:
          "วิทยุสื่อสารประจำจุดเฝ้าระวังไฟป่า 8 หมู่บ้าน พร้อมผังเรียกขานและตารางเวรของอาสาสมัคร เชื่อมกับศูนย์ อบต. ในช่วงหน้าแล้ง",
        deliveredOn: "2026-11-10",
        beneficiaries: "อาสาสมัครดับไฟป่า 48 คน และชุมชนรอบป่าชุมชน 8 หมู่บ้าน",
        byCode: "LS005",
        followUps: [],
      },
    ],
  },
  {
    planProjectCode: "sakngam-smart-kids",
    ideaKeys: ["I005", "I017"],
    ownerCode: "LS034",
    memberCodes: ["LS033", "LS035"],
    budget: 60000,
    startDate: "2023-05-16",
    endDate: "2027-09-30",
    status: "active",
    progress: 55,
    createdAt: "2023-04-11T15:00:00+07:00",
    milestones: [
      { title: "เตรียมแปลงผักสมุนไพรและระบบน้ำหยด", due: "2023-06-30", done: "2023-06-20" },
      { title: "กิจกรรมเรียนรู้สมุนไพรกับผู้ปกครอง", due: "2023-08-15", done: "2023-08-11" },
      { title: "จัดทำกระเป๋านิทานหมุนเวียน 30 ใบ", due: "2025-06-30", done: "2025-07-15" },
      { title: "ขยายกระเป๋านิทานไปทุกหมู่บ้าน", due: "2027-03-31" },
    ],
    innovations: [
      {
        nameTh: "แปลงผักสมุนไพรเพื่อการเรียนรู้ในศูนย์พัฒนาเด็กเล็ก",
        nameEn: "Learning herb garden at the child development centre",
        description: "แปลงผักสมุนไพร 12 ชนิด พร้อมป้ายภาพและแผนกิจกรรมรายสัปดาห์ ให้เด็กเล็กปลูก รดน้ำ และชิมจากของจริงร่วมกับผู้ปกครอง",
        deliveredOn: "2023-08-22",
        beneficiaries: "เด็กเล็ก 46 คน และผู้ปกครอง",
        byCode: "LS002",
        followUps: [
          {
            reportedOn: "2024-02-20",
            observation: "เด็กบอกชื่อสมุนไพรได้เฉลี่ย 8 จาก 12 ชนิด ผู้ปกครองนำกิ่งพันธุ์ไปปลูกที่บ้าน 19 ครอบครัว",
            beneficiaries: "เด็กเล็ก 46 คน ผู้ปกครอง 19 ครอบครัว",
            byCode: "LS005",
          },
        ],
      },
    ],
  },
  {
    planProjectCode: "sakngam-care",
    ideaKeys: ["I003", "I029"],
    ownerCode: "LS040",
    memberCodes: ["LS038", "LS039"],
    budget: 45000,
    startDate: "2023-04-03",
    endDate: "2027-09-30",
    status: "active",
    progress: 60,
    createdAt: "2023-03-14T15:30:00+07:00",
    milestones: [
      { title: "ออกแบบสมุดเยี่ยมบ้านร่วมกับ รพ.สต. และ อสม.", due: "2023-05-31", done: "2023-05-19" },
      { title: "แจกสมุดให้ผู้ป่วยติดเตียงครบทุกราย", due: "2023-08-31", done: "2023-09-08" },
      { title: "สำรวจพิกัดบ้านผู้ป่วยติดเตียงและผู้พิการ", due: "2025-09-30", done: "2025-09-26" },
      { title: "ทำแผนที่ออฟไลน์ให้ทีมเยี่ยมบ้านและกู้ภัย", due: "2026-12-31" },
    ],
    innovations: [
      {
        nameTh: "สมุดเยี่ยมบ้านผู้สูงอายุติดบ้านติดเตียง ฉบับใช้ร่วม อบต.–อสม.–รพ.สต.",
        nameEn: "Shared home-visit book for housebound elderly people",
        description: "สมุดประจำตัวผู้ป่วยเล่มเดียวที่ทุกหน่วยบันทึกร่วมกัน ทั้งสัญญาณชีพ ยา อุปกรณ์ที่ยืม และนัดครั้งถัดไป ลดการถามซ้ำและการเยี่ยมซ้ำซ้อน",
        deliveredOn: "2023-09-26",
        beneficiaries: "ผู้สูงอายุติดบ้านติดเตียง 42 ราย และผู้ดูแล",
        byCode: "LS002",
        followUps: [
          {
            reportedOn: "2024-03-28",
            observation: "เยี่ยมบ้านซ้ำซ้อนลดลงจากเดือนละ 9 ครั้งเหลือ 2 ครั้ง รพ.สต. ขอใช้แบบฟอร์มเดียวกันกับตำบลข้างเคียง",
            beneficiaries: "ผู้ป่วยติดเตียง 42 ราย",
            byCode: "LS039",
          },
        ],
      },
    ],
  },
  {
    planProjectCode: "sakngam-life",
    ideaKeys: ["I009"],
    ownerCode: "LS006",
    memberCodes: ["LS009", "LS012"],
    budget: 25000,
    startDate: "2023-08-01",
    endDate: "2026-09-30",
    status: "completed",
    progress: 100,
    createdAt: "2023-07-25T15:00:00+07:00",
    milestones: [
      { title: "เปิดบัญชี LINE Official Account ของ อบต.", due: "2023-08-31", done: "2023-08-25" },
      { title: "ติด QR code รับคำร้องทุกหมู่บ้าน", due: "2023-10-31", done: "2023-10-27" },
      { title: "อบรมเจ้าหน้าที่ตอบคำร้องออนไลน์", due: "2023-11-30", done: "2023-12-05" },
    ],
    innovations: [
      {
        nameTh: "ช่องทางรับคำร้องทั่วไปผ่าน LINE Official Account และ QR code",
        nameEn: "General requests through LINE Official Account and QR codes",
        description: "ประชาชนสแกน QR code ที่หอกระจายข่าวหรือศาลาหมู่บ้าน แล้วส่งคำร้องพร้อมภาพถ่ายทาง LINE ได้ตลอดเวลา เจ้าหน้าที่ส่งต่อกองที่รับผิดชอบและแจ้งผลกลับในแชตเดียวกัน",
        deliveredOn: "2023-12-26",
        beneficiaries: "ประชาชนในตำบล โดยเฉพาะผู้ที่ทำงานนอกพื้นที่ในเวลาราชการ",
        byCode: "LS002",
        followUps: [
          {
            reportedOn: "2024-12-20",
            observation: "ปีแรกรับคำร้อง 1,240 เรื่อง ตอบรับภายใน 3 วันทำการร้อยละ 92 เรื่องที่พบมากที่สุดคือไฟฟ้าสาธารณะและถนนชำรุด",
            beneficiaries: "ผู้ยื่นคำร้อง 860 คน",
            byCode: "LS005",
          },
        ],
      },
    ],
  },
  {
    planProjectCode: "sakngam-infrastructure",
    ideaKeys: ["I013", "I033"],
    ownerCode: "LS025",
    memberCodes: ["LS027", "LS024"],
    budget: 350000,
    startDate: "2024-01-15",
    endDate: "2027-09-30",
    status: "active",
    progress: 40,
    createdAt: "2023-12-12T15:00:00+07:00",
    milestones: [
      { title: "ติดตั้งสวิตช์ตั้งเวลาและโฟโตเซลล์ไฟถนน 120 จุด", due: "2024-05-31", done: "2024-06-18" },
      { title: "เปรียบเทียบค่าไฟฟ้าก่อนและหลังติดตั้ง", due: "2024-09-30", done: "2024-09-27" },
      { title: "ติด QR code แจ้งซ่อมถนนทุกสายหลัก", due: "2025-12-31", done: "2026-01-20" },
      { title: "เปิดตารางติดตามงานซ่อมให้ประชาชนดู", due: "2026-12-31" },
    ],
    innovations: [
      {
        nameTh: "ชุดตั้งเวลาและโฟโตเซลล์ควบคุมไฟถนนอัตโนมัติ",
        nameEn: "Automatic timer and photocell kit for street lights",
        description: "กล่องควบคุมที่ประกอบเองจากอุปกรณ์ในท้องตลาด เปิดไฟเมื่อมืดและปิดตามเวลาที่ตั้ง ติดตั้งกับตู้ไฟถนนเดิมได้โดยไม่ต้องเดินสายใหม่",
        deliveredOn: "2024-07-02",
        beneficiaries: "ไฟถนน 120 จุด ใน 8 หมู่บ้าน ลดค่าไฟฟ้าสาธารณะของ อบต.",
        ip: { status: "petty_patent_filed", number: "2403002187", filedOn: "2024-10-15" },
        byCode: "LS023",
        followUps: [
          {
            reportedOn: "2025-07-10",
            observation: "ค่าไฟฟ้าสาธารณะลดลงเฉลี่ยเดือนละร้อยละ 18 เทียบกับปีก่อนติดตั้ง ไม่พบไฟเปิดค้างกลางวันจากการสุ่มตรวจ 3 เดือน",
            beneficiaries: "อบต. ลดค่าไฟฟ้าประมาณปีละ 96,000 บาท",
            byCode: "LS005",
          },
        ],
      },
    ],
  },
  {
    planProjectCode: "sakngam-herbs-green",
    ideaKeys: ["I014"],
    ownerCode: "LS040",
    memberCodes: ["LS039", "LS015"],
    budget: 30000,
    startDate: "2024-01-09",
    endDate: "2026-09-30",
    status: "completed",
    progress: 100,
    createdAt: "2023-12-12T15:00:00+07:00",
    milestones: [
      { title: "ประชาคมหมู่บ้านตั้งธนาคารขยะ", due: "2024-02-29", done: "2024-02-16" },
      { title: "จัดทำสมุดคู่ฝากธนาคารขยะ", due: "2024-04-30", done: "2024-04-30" },
      { title: "เปิดรับฝากขยะครบ 8 หมู่บ้าน", due: "2024-09-30", done: "2024-09-20" },
    ],
    innovations: [
      {
        nameTh: "ธนาคารขยะรีไซเคิลประจำหมู่บ้านแบบสมุดคู่ฝาก",
        nameEn: "Village recycling bank with deposit books",
        description: "ชาวบ้านนำขยะรีไซเคิลมาฝากเดือนละครั้ง บันทึกน้ำหนักและมูลค่าในสมุดคู่ฝากแทนการจ่ายเงินสด ถอนเป็นเงินหรือของใช้ได้ปลายปี",
        deliveredOn: "2024-09-27",
        beneficiaries: "สมาชิกธนาคารขยะ 386 ครัวเรือน",
        byCode: "LS002",
        followUps: [
          {
            reportedOn: "2025-09-25",
            observation: "ขยะรีไซเคิลเข้าระบบ 14.2 ตันในปีแรก ขยะที่ อบต. ต้องเก็บขนลดลงประมาณร้อยละ 11",
            beneficiaries: "386 ครัวเรือน",
            byCode: "LS039",
          },
        ],
      },
    ],
  },
  // ───────── Projects of single ideas: delivered ─────────
  {
    planCode: "3.1",
    nameTh: "โครงการนัดชำระภาษีรายหมู่บ้าน",
    nameEn: "Village tax-payment appointments",
    descriptionTh: "จัดตารางนัดให้แต่ละหมู่บ้านมาชำระภาษีคนละวัน ลดคิวยาวในช่วงยื่นแบบ",
    ideaKeys: ["I002"],
    ownerCode: "LS019",
    memberCodes: ["LS021"],
    budget: 8000,
    startDate: "2023-02-06",
    endDate: "2023-09-30",
    status: "completed",
    progress: 100,
    createdAt: "2023-01-24T15:00:00+07:00",
    milestones: [
      { title: "ทำตารางนัดชำระภาษีรายหมู่บ้าน", due: "2023-02-28", done: "2023-02-24" },
      { title: "ประชาสัมพันธ์ผ่านผู้ใหญ่บ้านและหอกระจายข่าว", due: "2023-03-15", done: "2023-03-15" },
    ],
    innovations: [
      {
        nameTh: "ระบบนัดวันชำระภาษีรายหมู่บ้าน",
        nameEn: "Village-by-village tax payment days",
        description: "ตารางนัดชำระภาษีที่ดินและสิ่งปลูกสร้างรายหมู่บ้าน พร้อมบัตรคิวล่วงหน้าที่ผู้ใหญ่บ้านแจก",
        deliveredOn: "2023-07-04",
        beneficiaries: "ผู้เสียภาษี 1,860 ราย เวลารอคิวเฉลี่ยลดจาก 45 นาทีเหลือ 10 นาที",
        byCode: "LS002",
        followUps: [],
      },
    ],
  },
  {
    planCode: "2.2",
    nameTh: "โครงการสมุดติดตามพัฒนาการเด็กแบบภาพ",
    nameEn: "Picture book for tracking child development",
    ideaKeys: ["I012"],
    ownerCode: "LS037",
    memberCodes: ["LS036"],
    budget: 12000,
    startDate: "2024-01-08",
    endDate: "2024-09-30",
    status: "completed",
    progress: 100,
    createdAt: "2023-12-12T15:00:00+07:00",
    milestones: [
      { title: "ออกแบบสมุดภาพร่วมกับครูผู้ดูแลเด็ก", due: "2024-02-29", done: "2024-02-27" },
      { title: "ทดลองใช้กับผู้ปกครอง 10 ครอบครัว", due: "2024-04-30", done: "2024-04-26" },
    ],
    innovations: [
      {
        nameTh: "สมุดติดตามพัฒนาการเด็กแบบภาพสำหรับผู้ปกครอง",
        nameEn: "Picture-based child development book for parents",
        description: "สมุดภาพพัฒนาการตามช่วงวัย ผู้ปกครองทำเครื่องหมายที่ภาพเมื่อเด็กทำได้ ไม่ต้องอ่านข้อความยาว ครูใช้ประกอบการพูดคุยรายเดือน",
        deliveredOn: "2024-06-04",
        beneficiaries: "เด็กเล็ก 46 คน และผู้ปกครอง",
        ip: { status: "copyright_notified", number: "ว1.016842", filedOn: "2024-08-20" },
        byCode: "LS002",
        followUps: [],
      },
    ],
  },
  {
    planCode: "1.1",
    nameTh: "โครงการจุดบริการผู้สูงอายุในสำนักงาน",
    nameEn: "Service point for elderly visitors",
    ideaKeys: ["I016"],
    ownerCode: "LS014",
    memberCodes: ["LS015"],
    budget: 15000,
    startDate: "2024-02-05",
    endDate: "2024-06-30",
    status: "completed",
    progress: 100,
    createdAt: "2024-01-30T15:00:00+07:00",
    milestones: [
      { title: "ทำป้ายบอกทางตัวอักษรใหญ่", due: "2024-02-29", done: "2024-02-28" },
      { title: "จัดโต๊ะบริการและเก้าอี้รอสำหรับผู้สูงอายุ", due: "2024-03-15", done: "2024-03-15" },
    ],
    innovations: [
      {
        nameTh: "จุดบริการผู้สูงอายุในสำนักงาน อบต.",
        nameEn: "Elderly service point at the office",
        description: "โต๊ะบริการใกล้ทางเข้า ป้ายตัวอักษรใหญ่ และเจ้าหน้าที่ช่วยกรอกเอกสาร ผู้สูงอายุไม่ต้องเดินขึ้นชั้นสอง",
        deliveredOn: "2024-03-29",
        beneficiaries: "ผู้สูงอายุที่มาติดต่อ เฉลี่ยเดือนละ 150 คน",
        byCode: "LS005",
        followUps: [],
      },
    ],
  },
  {
    planCode: "3.1",
    nameTh: "โครงการประหยัดพลังงานในสำนักงาน",
    nameEn: "Saving energy at the office",
    ideaKeys: ["I027"],
    ownerCode: "LS011",
    memberCodes: ["LS010"],
    budget: 0,
    startDate: "2024-12-02",
    endDate: "2025-09-30",
    status: "completed",
    progress: 100,
    createdAt: "2024-11-26T15:00:00+07:00",
    milestones: [
      { title: "ติดป้ายรณรงค์และตั้งอุณหภูมิแอร์ 26 องศา", due: "2024-12-15", done: "2024-12-13" },
      { title: "เวรนักการเดินตรวจปิดไฟทุกเย็น", due: "2025-01-31", done: "2025-01-31" },
    ],
    innovations: [
      {
        nameTh: "มาตรการปิดแอร์พักเที่ยงและเดินตรวจปิดไฟก่อนกลับบ้าน",
        nameEn: "Lunch-break air-conditioning off and evening light rounds",
        description: "ปิดเครื่องปรับอากาศช่วง 12.00–13.00 น. ตั้งอุณหภูมิ 26 องศา และเวรนักการเดินตรวจปิดไฟ พัดลม และเครื่องใช้ไฟฟ้าหลังเลิกงาน",
        deliveredOn: "2025-03-28",
        beneficiaries: "สำนักงาน อบต. ค่าไฟฟ้าลดลงเดือนละประมาณ 4,800 บาท",
        byCode: "LS005",
        followUps: [
          {
            reportedOn: "2025-09-30",
            observation: "ค่าไฟฟ้าสำนักงาน 6 เดือนลดลงร้อยละ 14 เทียบช่วงเดียวกันปีก่อน บุคลากรยังปฏิบัติตามต่อเนื่อง",
            beneficiaries: "สำนักงาน อบต. (ประหยัดประมาณ 28,800 บาทใน 6 เดือน)",
            byCode: "LS005",
          },
        ],
      },
    ],
  },
  {
    planCode: "3.1",
    nameTh: "โครงการคลังแบบฟอร์มคำร้องพร้อมตัวอย่างการกรอก",
    nameEn: "Library of request forms with filled-in examples",
    ideaKeys: ["I028"],
    ownerCode: "LS012",
    memberCodes: ["LS009", "LS007"],
    budget: 5000,
    startDate: "2025-01-20",
    endDate: "2025-06-30",
    status: "completed",
    progress: 100,
    createdAt: "2025-01-14T15:00:00+07:00",
    milestones: [
      { title: "รวบรวมแบบฟอร์มคำร้อง 38 แบบ", due: "2025-02-14", done: "2025-02-14" },
      { title: "จัดทำตัวอย่างการกรอกทุกแบบ", due: "2025-03-14", done: "2025-03-12" },
    ],
    innovations: [
      {
        nameTh: "คลังแบบฟอร์มคำร้องพร้อมตัวอย่างการกรอก",
        nameEn: "Request forms with filled-in examples",
        description: "แฟ้มแบบฟอร์มคำร้อง 38 แบบ ทุกแบบมีตัวอย่างที่กรอกแล้วและรายการเอกสารที่ต้องแนบ วางที่จุดบริการและเผยแพร่ทางเว็บไซต์ อบต.",
        deliveredOn: "2025-03-21",
        beneficiaries: "ผู้มาติดต่อยื่นคำร้อง คำร้องตีกลับลดจากร้อยละ 22 เหลือร้อยละ 6",
        byCode: "LS005",
        followUps: [
          {
            reportedOn: "2025-09-15",
            observation: "คำร้องที่ต้องแก้ไขหรือยื่นใหม่ลดลงเหลือร้อยละ 6 ผู้มาติดต่อใช้เวลาที่จุดบริการสั้นลง",
            beneficiaries: "ผู้ยื่นคำร้องประมาณ 410 คนต่อไตรมาส",
            byCode: "LS039",
          },
        ],
      },
    ],
  },
  {
    planCode: "2.2",
    nameTh: "โครงการชุดสื่อพัฒนาการจากวัสดุเหลือใช้",
    nameEn: "Learning toys made from waste materials",
    ideaKeys: ["I032"],
    ownerCode: "LS034",
    memberCodes: ["LS036", "LS037"],
    budget: 18000,
    startDate: "2025-05-19",
    endDate: "2025-12-31",
    status: "completed",
    progress: 100,
    createdAt: "2025-04-22T15:00:00+07:00",
    milestones: [
      { title: "เวิร์กช็อปทำสื่อกับผู้ปกครอง ครั้งที่ 1", due: "2025-06-30", done: "2025-06-21" },
      { title: "เวิร์กช็อปครั้งที่ 2 และคู่มือการทำสื่อ", due: "2025-08-31", done: "2025-08-23" },
    ],
    innovations: [
      {
        nameTh: "ชุดสื่อพัฒนาการเด็กจากวัสดุเหลือใช้ ทำร่วมกับผู้ปกครอง",
        nameEn: "Development toys from waste, made with parents",
        description: "สื่อ 15 ชิ้นจากขวด กล่อง และเศษผ้า ฝึกกล้ามเนื้อมัดเล็ก การนับ และสี พร้อมคู่มือภาพให้ผู้ปกครองทำต่อที่บ้าน",
        deliveredOn: "2025-10-07",
        beneficiaries: "เด็กเล็ก 52 คน ผู้ปกครอง 31 ครอบครัว",
        byCode: "LS005",
        followUps: [
          {
            reportedOn: "2026-03-20",
            observation: "ผู้ปกครองทำสื่อเพิ่มเองที่บ้าน 24 ครอบครัว ครูใช้สื่อในกิจกรรมประจำวันทุกวัน ประหยัดงบซื้อสื่อประมาณ 12,000 บาท",
            beneficiaries: "เด็กเล็ก 52 คน",
            byCode: "LS039",
          },
        ],
      },
    ],
  },
  // ───────── Projects of single ideas: under way ─────────
  {
    planCode: "3.1",
    nameTh: "โครงการสแกนหนังสือราชการเข้าแฟ้มกลาง",
    nameEn: "Scanning official letters into a shared archive",
    ideaKeys: ["I004"],
    ownerCode: "LS012",
    memberCodes: ["LS009"],
    budget: 35000,
    startDate: "2023-05-02",
    endDate: "2026-12-31",
    status: "active",
    progress: 70,
    createdAt: "2023-04-11T15:00:00+07:00",
    milestones: [
      { title: "จัดซื้อเครื่องสแกนเอกสาร", due: "2023-06-30", done: "2023-06-29" },
      { title: "ตั้งโครงสร้างแฟ้มกลางตามกอง", due: "2023-08-31", done: "2023-08-31" },
      { title: "สแกนหนังสือย้อนหลังปี 2566", due: "2024-09-30", done: "2024-11-29" },
      { title: "ยกเลิกการถ่ายเอกสารเวียนทุกกอง", due: "2026-12-31" },
    ],
    innovations: [],
  },
  {
    planCode: "2.3",
    nameTh: "โครงการ QR code แจ้งไฟฟ้าสาธารณะดับ",
    nameEn: "QR codes to report street-light outages",
    ideaKeys: ["I006"],
    ownerCode: "LS025",
    memberCodes: ["LS027"],
    budget: 20000,
    startDate: "2023-06-05",
    endDate: "2024-12-31",
    status: "active",
    progress: 80,
    createdAt: "2023-05-09T15:00:00+07:00",
    milestones: [
      { title: "ติด QR code ที่เสาไฟ 250 ต้น", due: "2023-09-30", done: "2023-10-20" },
      { title: "เชื่อมการแจ้งเข้ากับตารางงานซ่อมของกองช่าง", due: "2024-12-31" },
    ],
    innovations: [],
  },
  {
    planCode: "1.1",
    nameTh: "โครงการตรวจสิทธิผู้รับเบี้ยยังชีพรายเดือน",
    nameEn: "Monthly eligibility check of allowance recipients",
    ideaKeys: ["I015"],
    ownerCode: "LS020",
    memberCodes: ["LS017"],
    budget: 0,
    startDate: "2024-02-13",
    endDate: "2026-09-30",
    status: "active",
    progress: 75,
    createdAt: "2024-01-16T15:00:00+07:00",
    milestones: [
      { title: "ขอสิทธิเข้าถึงข้อมูลทะเบียนราษฎร", due: "2024-04-30", done: "2024-04-30" },
      { title: "ตรวจรายชื่อรายเดือนครบ 12 เดือนแรก", due: "2025-03-31", done: "2025-03-28" },
      { title: "จัดทำคู่มือการตรวจสิทธิ", due: "2026-09-30" },
    ],
    innovations: [],
  },
  {
    planCode: "3.1",
    nameTh: "โครงการแม่แบบเอกสารจัดซื้อจัดจ้างเติมข้อมูลอัตโนมัติ",
    nameEn: "Self-filling procurement document templates",
    ideaKeys: ["I020"],
    ownerCode: "LS018",
    memberCodes: ["LS017"],
    budget: 0,
    startDate: "2024-06-03",
    endDate: "2025-09-30",
    status: "active",
    progress: 60,
    createdAt: "2024-05-14T15:00:00+07:00",
    milestones: [
      { title: "รวบรวมเอกสารจัดซื้อจัดจ้างที่พิมพ์ซ้ำบ่อย", due: "2024-07-31", done: "2024-07-31" },
      { title: "ทำแม่แบบเติมข้อมูลอัตโนมัติ 12 แบบ", due: "2025-03-31", done: "2025-05-16" },
      { title: "ทดลองใช้ทุกกอง", due: "2025-09-30" },
    ],
    innovations: [],
  },
  {
    planCode: "3.1",
    nameTh: "โครงการรับชำระภาษีด้วย QR พร้อมเพย์และหน่วยเคลื่อนที่",
    nameEn: "Tax payment by PromptPay QR and a mobile unit",
    ideaKeys: ["I022"],
    ownerCode: "LS021",
    memberCodes: ["LS019"],
    budget: 40000,
    startDate: "2024-07-01",
    endDate: "2026-09-30",
    status: "active",
    progress: 45,
    createdAt: "2024-06-11T15:00:00+07:00",
    milestones: [
      { title: "เปิดบัญชีรับชำระด้วย QR พร้อมเพย์", due: "2024-09-15", done: "2024-09-13" },
      { title: "ออกหน่วยรับชำระเคลื่อนที่ 8 หมู่บ้าน", due: "2025-06-30", done: "2025-06-27" },
      { title: "เชื่อมยอดชำระเข้าระบบบัญชีอัตโนมัติ", due: "2026-09-30" },
    ],
    innovations: [],
  },
  {
    planCode: "2.3",
    nameTh: "โครงการคู่มือภาพดูแลปั๊มน้ำและตู้ควบคุมประปาหมู่บ้าน",
    nameEn: "Picture manual for village water pumps and control boxes",
    descriptionTh: "ถ่ายทอดความรู้การดูแลปั๊มน้ำและตู้ควบคุมจากนายช่างไฟฟ้าที่เกษียณ เป็นคู่มือภาพให้ผู้ดูแลประปาหมู่บ้าน",
    ideaKeys: ["I041"],
    // The idea's author retired on 30 Sep 2026; the project passed to the engineering team.
    ownerCode: "LS027",
    memberCodes: ["LS030", "LS031"],
    budget: 12000,
    startDate: "2026-01-06",
    endDate: "2027-03-31",
    status: "active",
    progress: 35,
    createdAt: "2025-12-09T15:00:00+07:00",
    milestones: [
      { title: "ถ่ายภาพและบันทึกขั้นตอนกับนายช่างไฟฟ้าก่อนเกษียณ", due: "2026-09-15", done: "2026-08-28" },
      { title: "จัดทำคู่มือภาพฉบับร่าง", due: "2026-12-15" },
      { title: "อบรมผู้ดูแลประปาหมู่บ้าน", due: "2027-02-28" },
    ],
    innovations: [],
  },
  // ───────── Approved, not started (planned) ─────────
  {
    planCode: "3.1",
    nameTh: "โครงการประวัติซ่อมบำรุงรถและเครื่องจักรด้วย QR code",
    nameEn: "Vehicle and machine maintenance history by QR code",
    ideaKeys: ["I018"],
    ownerCode: "LS029",
    memberCodes: ["LS010"],
    budget: 10000,
    startDate: "2026-12-01",
    endDate: "2027-06-30",
    status: "planned",
    progress: 0,
    createdAt: "2024-04-09T15:00:00+07:00",
    milestones: [{ title: "สำรวจรถและเครื่องจักรทั้งหมดและติด QR code", due: "2027-01-15" }],
    innovations: [],
  },
  {
    planCode: "3.1",
    nameTh: "โครงการระบบลาออนไลน์และสรุปวันลาอัตโนมัติ",
    nameEn: "Online leave requests with automatic leave balances",
    ideaKeys: ["I026"],
    ownerCode: "LS004",
    memberCodes: ["LS006"],
    budget: 0,
    startDate: "2027-01-04",
    endDate: "2027-06-30",
    status: "planned",
    progress: 0,
    createdAt: "2024-11-12T15:00:00+07:00",
    milestones: [],
    innovations: [],
  },
  {
    planCode: "3.1",
    nameTh: "โครงการแผนที่ภาษีดิจิทัลเชื่อมทะเบียนทรัพย์สิน",
    nameEn: "Digital tax map linked to the property register",
    ideaKeys: ["I030"],
    ownerCode: "LS019",
    memberCodes: ["LS021", "LS016"],
    budget: 150000,
    startDate: "2027-01-04",
    endDate: "2027-09-30",
    status: "planned",
    progress: 0,
    createdAt: "2025-04-08T15:00:00+07:00",
    milestones: [{ title: "อบรมการใช้ QGIS สำหรับงานแผนที่ภาษี", due: "2027-02-28" }],
    innovations: [],
  },
  {
    planCode: "2.1",
    nameTh: "โครงการทุ่นวัดระดับน้ำพร้อมไฟหมุนและไซเรน",
    nameEn: "Water-level floats with beacon and siren",
    ideaKeys: ["I034"],
    ownerCode: "LS013",
    memberCodes: ["LS008"],
    budget: 48000,
    startDate: "2026-12-01",
    endDate: "2027-05-31",
    status: "planned",
    progress: 0,
    createdAt: "2025-06-10T15:00:00+07:00",
    milestones: [{ title: "ติดตั้งทุ่นต้นแบบ 1 จุดก่อนฤดูฝน", due: "2027-04-30" }],
    innovations: [],
  },
  {
    planCode: "2.2",
    nameTh: "โครงการนิทานสองภาษาไทย–กะเหรี่ยงสำหรับเด็กเล็ก",
    nameEn: "Thai–Karen bilingual stories for young children",
    ideaKeys: ["I042"],
    ownerCode: "LS036",
    memberCodes: ["LS035", "LS037"],
    budget: 15000,
    startDate: "2026-12-01",
    endDate: "2027-09-30",
    status: "planned",
    progress: 0,
    createdAt: "2026-02-10T15:00:00+07:00",
    milestones: [{ title: "บันทึกเสียงนิทานกับผู้ปกครองที่พูดภาษากะเหรี่ยง", due: "2027-01-31" }],
    innovations: [],
  },
  // ───────── The plan's own project, without an idea ─────────
  {
    planProjectCode: "innovation-training",
    ideaKeys: [],
    ownerCode: "LS004",
    memberCodes: ["LS006", "LS005"],
    budget: 50000,
    startDate: "2026-10-15",
    endDate: "2027-09-30",
    status: "active",
    progress: 15,
    createdAt: "2026-10-01T09:00:00+07:00",
    milestones: [
      { title: "อบรมเครื่องมือดิจิทัลเพื่อนวัตกรรม รุ่นที่ 1", due: "2026-11-30", done: "2026-11-20" },
      { title: "อบรมรุ่นที่ 2 และประกวดไอเดีย", due: "2027-02-28" },
    ],
    innovations: [],
  },
];

/** A one-page PDF with ASCII lines (the demo's evidence files), byte-for-byte the same each run. */
export function tinyPdf(lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (character) => `\\${character}`);
  const content = lines.map((line, index) => `BT /F1 12 Tf 56 ${780 - index * 18} Td (${escape(line)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const at = (isoDate: string, time = "10:00:00") => new Date(`${isoDate}T${time}+07:00`);

/** Demo projects for approved ideas, milestones, innovations and follow-ups (issue 5). */
export async function seedDemoProjects(db: Database): Promise<void> {
  const calendar = THAI_FISCAL_CALENDAR;
  const personIdByCode = new Map((await db.select({ id: people.id, code: people.employeeCode }).from(people)).map((row) => [row.code, row.id]));
  const accountIdByCode = new Map((await db.select({ id: accounts.id, username: accounts.username }).from(accounts)).map((row) => [row.username, row.id]));
  const planIdByCode = new Map((await db.select({ id: plans.id, code: plans.code }).from(plans)).map((row) => [row.code, row.id]));
  const ideaRows = await db
    .select({ id: ideas.id, token: ideas.submissionToken, projectId: ideas.projectId, title: ideas.title })
    .from(ideas)
    .where(inArray(ideas.submissionToken, DEMO_PROJECTS.flatMap((project) => project.ideaKeys.map((key) => `seed:${key}`))));
  const ideaByKey = new Map(ideaRows.map((row) => [String(row.token).slice("seed:".length), row]));
  const personOf = (code: string) => {
    const id = personIdByCode.get(code);
    if (id === undefined) throw new Error(`seed: unknown person ${code}`);
    return id;
  };
  const recorder = accountIdByCode.get(COMMITTEE_RECORDER) ?? null;

  for (const seed of DEMO_PROJECTS) {
    const seedIdeas = seed.ideaKeys.map((key) => ideaByKey.get(key));
    // The demo ideas are not there (an organisation without them), or this was seeded before.
    if (seedIdeas.some((idea) => idea === undefined)) continue;
    if (seedIdeas.some((idea) => idea?.projectId !== null)) continue;

    const values = {
      ownerPersonId: personOf(seed.ownerCode),
      budget: seed.budget,
      startDate: seed.startDate,
      endDate: seed.endDate,
      progress: seed.progress,
      status: seed.status,
      fiscalYear: seed.status === "active" || seed.status === "completed" ? fiscalYearOfDate(seed.startDate, calendar) : null,
      // The demo's completed projects finished on their end date.
      completedOn: seed.status === "completed" ? seed.endDate : null,
      updatedAt: new Date(seed.createdAt),
    };
    let projectId: number;
    if (seed.planProjectCode) {
      const [existing] = await db.select({ id: projects.id, ownerPersonId: projects.ownerPersonId }).from(projects).where(eq(projects.code, seed.planProjectCode));
      // Missing (renamed away) or already taken in hand by the committee: leave it alone.
      if (!existing || existing.ownerPersonId !== null) continue;
      await db
        .update(projects)
        .set({ ...values, createdAt: new Date(seed.createdAt) })
        .where(and(eq(projects.id, existing.id)));
      projectId = existing.id;
    } else {
      const planId = planIdByCode.get(seed.planCode ?? "");
      if (planId === undefined) throw new Error(`seed: unknown plan ${seed.planCode}`);
      const [inserted] = await db
        .insert(projects)
        .values({
          ...values,
          planId,
          nameTh: seed.nameTh ?? "",
          nameEn: seed.nameEn ?? "",
          descriptionTh: seed.descriptionTh ?? "",
          createdAt: new Date(seed.createdAt),
        })
        .returning({ id: projects.id });
      projectId = inserted.id;
    }

    const members = seed.memberCodes.filter((code) => code !== seed.ownerCode).map(personOf);
    if (members.length > 0) await db.insert(projectMembers).values(members.map((personId) => ({ projectId, personId }))).onConflictDoNothing();
    if (seed.milestones.length > 0) {
      await db.insert(projectMilestones).values(
        seed.milestones.map((milestone, index) => ({
          projectId,
          title: milestone.title,
          dueDate: milestone.due ?? null,
          doneOn: milestone.done ?? null,
          sortOrder: index + 1,
        })),
      );
    }
    const linkedIdeaIds = seedIdeas.map((idea) => idea!.id);
    if (linkedIdeaIds.length > 0) await db.update(ideas).set({ projectId }).where(inArray(ideas.id, linkedIdeaIds));

    for (const [index, seedInnovation] of seed.innovations.entries()) {
      const [innovation] = await db
        .insert(innovations)
        .values({
          projectId,
          nameTh: seedInnovation.nameTh,
          nameEn: seedInnovation.nameEn,
          description: seedInnovation.description,
          deliveredOn: seedInnovation.deliveredOn,
          fiscalYear: fiscalYearOfDate(seedInnovation.deliveredOn, calendar),
          beneficiaries: seedInnovation.beneficiaries,
          ipStatus: seedInnovation.ip?.status ?? "none",
          ipNumber: seedInnovation.ip?.number ?? "",
          ipFiledOn: seedInnovation.ip?.filedOn ?? null,
          ipGrantedOn: seedInnovation.ip?.grantedOn ?? null,
          createdByAccountId: accountIdByCode.get(seedInnovation.byCode) ?? null,
          createdAt: at(seedInnovation.deliveredOn, "14:00:00"),
        })
        .returning({ id: innovations.id });
      for (const followUp of seedInnovation.followUps) {
        const [row] = await db
          .insert(innovationFollowUps)
          .values({
            innovationId: innovation.id,
            reportedOn: followUp.reportedOn,
            observation: followUp.observation,
            beneficiaries: followUp.beneficiaries,
            createdByAccountId: accountIdByCode.get(followUp.byCode) ?? null,
            createdAt: at(followUp.reportedOn, "15:00:00"),
          })
          .returning({ id: innovationFollowUps.id });
        if (followUp === seedInnovation.followUps[0]) {
          await db.insert(attachments).values({
            ownerType: "follow_up",
            ownerId: row.id,
            fileName: `รายงานติดตามผลการใช้งาน ${followUp.reportedOn}.pdf`,
            contentType: "application/pdf",
            ...pdfColumns(["Nawat demo evidence", "Follow-up report on use", `Innovation: ${seedInnovation.nameEn}`, `Reported on ${followUp.reportedOn}`]),
            uploadedByAccountId: accountIdByCode.get(followUp.byCode) ?? recorder,
            createdAt: at(followUp.reportedOn, "15:30:00"),
          });
        }
      }
      // The first innovation's evidence: the project's approval memo and the committee's minutes.
      if (index === 0) {
        await db.insert(attachments).values({
          ownerType: "innovation",
          ownerId: innovation.id,
          fileName: `บันทึกส่งมอบชิ้นงาน ${seedInnovation.deliveredOn}.pdf`,
          contentType: "application/pdf",
          ...pdfColumns(["Nawat demo evidence", "Delivery note", `Innovation: ${seedInnovation.nameEn}`, `Delivered on ${seedInnovation.deliveredOn}`]),
          uploadedByAccountId: recorder,
          createdAt: at(seedInnovation.deliveredOn, "14:30:00"),
        });
        await db.insert(attachments).values({
          ownerType: "project",
          ownerId: projectId,
          fileName: "บันทึกข้อความขออนุมัติโครงการ.pdf",
          contentType: "application/pdf",
          ...pdfColumns(["Nawat demo evidence", "Project approval memo", `Project started ${seed.startDate}`, `Budget ${seed.budget} baht`]),
          uploadedByAccountId: recorder,
          createdAt: at(seed.startDate, "09:30:00"),
        });
        const approvals = await db
          .select({ id: ideaStageEvents.id, ideaId: ideaStageEvents.ideaId, at: ideaStageEvents.at })
          .from(ideaStageEvents)
          .where(and(inArray(ideaStageEvents.ideaId, linkedIdeaIds), eq(ideaStageEvents.toStage, "approved")));
        for (const approval of approvals) {
          await db.insert(attachments).values({
            ownerType: "stage_event",
            ownerId: approval.id,
            fileName: "รายงานการประชุมคณะกรรมการนวัตกรรม.pdf",
            contentType: "application/pdf",
            ...pdfColumns(["Nawat demo evidence", "Minutes of the innovation committee", `Idea ${approval.ideaId} approved`, approval.at.toISOString().slice(0, 10)]),
            uploadedByAccountId: recorder,
            createdAt: approval.at,
          });
        }
      }
    }
  }
}

function pdfColumns(lines: string[]): { data: Buffer; sizeBytes: number } {
  const data = tinyPdf(lines);
  return { data, sizeBytes: data.byteLength };
}
