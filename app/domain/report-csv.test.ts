import { describe, expect, it } from "vitest";
import { toExcelCsv, UTF8_BOM } from "./csv-safety";
import { csvNumber, indicatorHistoryCsv, participationPeopleCsv, quarterlyReportCsv, type CsvFigure, type QuarterlyCsvInput } from "./report-csv";

// A stand-in for the catalogue: the key, with its values.
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}(${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(",")})` : key);

const lg1: CsvFigure = { code: "LG1", name: "การมีส่วนร่วม", value: 65.71428, target: 70, status: "missed", numerator: 23, denominator: 35, perYear: null, cumulative: null };
const projects: CsvFigure = { code: "INNOVATION_PROJECTS", name: "โครงการ", value: 17, target: 4, status: "met", numerator: null, denominator: null, perYear: 1, cumulative: 17 };
const emptyList = { count: 0, items: [] };

describe("report CSV rows", () => {
  it("rounds numbers to two decimals and leaves missing ones empty", () => {
    expect([csvNumber(65.71428), csvNumber(null), csvNumber(Number.NaN), csvNumber(3)]).toEqual([65.71, null, null, 3]);
  });

  it("puts every table of the quarterly report in one filterable table", () => {
    const report: QuarterlyCsvInput = {
      figures: [lg1, projects],
      lg1Target: 70,
      byDivision: [{ name: "กองคลัง", numerator: 3, denominator: 5, percent: 60 }],
      movement: {
        ideasSubmitted: { count: 1, items: [{ title: "=HYPERLINK(\"http://x\")", date: "2026-10-06T02:45:00.000Z" }] },
        stageMoves: [{ toStage: "screening", count: 2 }],
        projectsStarted: emptyList,
        projectsCompleted: emptyList,
        innovationsDelivered: emptyList,
        trainingSessions: { count: 1, items: [{ title: "Design Thinking", date: "2026-11-10", attendees: 12 }] },
      },
      problems: ["ปัญหา 1"],
      nextSteps: ["แนวทาง 1", "แนวทาง 2"],
    };
    const { header, rows } = quarterlyReportCsv(report, t as never, (value) => `d:${value}`);
    expect(header).toEqual([
      "reports.csv.section",
      "reports.csv.item",
      "reports.csv.value",
      "reports.csv.target",
      "reports.csv.status",
      "reports.csv.numerator",
      "reports.csv.denominator",
      "reports.csv.perYear",
      "reports.csv.cumulative",
      "reports.csv.date",
    ]);
    for (const row of rows) expect(row).toHaveLength(header.length);
    // Figures in their own number columns, as in the history CSV: never "23/35", which Excel reads as a date.
    expect(rows[0]).toEqual(["reports.section.indicators", "การมีส่วนร่วม", 65.71, 70, "dashboard.status.missed", 23, 35, null, null, ""]);
    expect(rows[1]).toEqual(["reports.section.indicators", "โครงการ", 17, 4, "dashboard.status.met", null, null, 1, 17, ""]);
    expect(rows).toContainEqual(["dashboard.byDivision", "กองคลัง", 60, 70, "", 3, 5, null, null, ""]);
    expect(rows).toContainEqual(["reports.section.movement", "reports.movement.ideasSubmitted", 1, "", "", null, null, null, null, ""]);
    expect(rows).toContainEqual(["reports.movement.stageMoves", "reports.movement.to(stage=stage.screening)", 2, "", "", null, null, null, null, ""]);
    expect(rows).toContainEqual(["reports.movement.trainingSessions", "Design Thinking", 12, "", "", null, null, null, null, "d:2026-11-10"]);
    for (const row of rows) for (const cell of row) expect(typeof cell === "string" && /^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/.test(cell), JSON.stringify(cell)).toBe(false);
    expect(rows.filter((row) => row[0] === "reports.texts.nextSteps").map((row) => row[1])).toEqual(["แนวทาง 1", "แนวทาง 2"]);
    // Through the CSV writer: a BOM first, and the formula in a title is neutralised.
    const csv = toExcelCsv(header, rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("history: one row per indicator per year", () => {
    const { header, rows } = indicatorHistoryCsv(
      [
        { fiscalYear: 2569, closed: true, figures: [lg1, projects] },
        { fiscalYear: 2570, closed: false, figures: [{ ...lg1, value: null, status: "no_data" }, projects] },
      ],
      t as never,
    );
    expect(header).toHaveLength(11);
    expect(rows).toHaveLength(4);
    // The year is a number (a string "2569" would have to be guarded as text: see csv-safety).
    expect(rows[0]).toEqual(["LG1", "การมีส่วนร่วม", 2569, 65.71, 70, "dashboard.status.missed", 23, 35, null, null, "reports.csv.yes"]);
    expect(rows[2].slice(3, 6)).toEqual([null, 70, "dashboard.status.no_data"]);
    expect(rows[3][10]).toBe("reports.csv.no");
  });

  it("people: counted or not, and what they did", () => {
    const { rows } = participationPeopleCsv(
      [{ employeeCode: "LS016", name: "นางรัชนี สุวรรณศรี", divisionName: "กองคลัง", participant: true, countedIdeas: 2, comments: 1, trainingSessions: 0, ideas: [{ title: "ก" }, { title: "ข" }] }],
      t as never,
    );
    expect(rows).toEqual([["LS016", "นางรัชนี สุวรรณศรี", "กองคลัง", "reports.csv.yes", 2, 1, 0, "ก; ข"]]);
  });
});
