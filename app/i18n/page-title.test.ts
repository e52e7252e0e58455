import { describe, expect, it } from "vitest";
import { ideasMessages } from "./catalogue/ideas";
import { reportsMessages } from "./catalogue/reports";
import { englishMessagesForBrowser } from "./messages.server";
import { nameIn, pageTitle } from "./page-title";

/** The matches a route's meta gets: the root's data as the root loader sends it, then the page's. */
const thaiReader = [{ id: "root", data: { locale: "th", englishMessages: null } }, { id: "routes/ideas._index" }];
const englishReader = [{ id: "root", data: { locale: "en", englishMessages: englishMessagesForBrowser() } }, { id: "routes/ideas._index" }];

describe("pageTitle", () => {
  it("is the page's message then the app's name, in Thai for a Thai reader", () => {
    expect(pageTitle(thaiReader, [ideasMessages], "ideas.mine.title")).toEqual([{ title: "ไอเดียของฉัน · นวัต" }]);
  });

  it("is in English for an English reader, from the English the root loader sent", () => {
    expect(pageTitle(englishReader, [ideasMessages], "ideas.mine.title")).toEqual([{ title: "My ideas · Nawat" }]);
  });

  it("is Thai when the root's data is missing (an error page before the root loaded)", () => {
    expect(pageTitle([], [ideasMessages], "ideas.mine.title")).toEqual([{ title: "ไอเดียของฉัน · นวัต" }]);
    expect(pageTitle([{ id: "root", data: undefined }], [], "nav.ideas")).toEqual([{ title: "ไอเดีย · นวัต" }]);
  });

  it("fills placeholders, keeps text from a record as it is, and joins the parts", () => {
    expect(pageTitle(englishReader, [reportsMessages], { key: "reports.quarterly.heading", values: { quarter: 2, fiscalYear: "FY 2027" } })).toEqual([
      { title: "Report on the innovation master plan, quarter 2, FY 2027 · Nawat" },
    ]);
    expect(pageTitle(englishReader, [], { text: "ระบบจองห้องประชุม" }, "nav.committee")).toEqual([{ title: "ระบบจองห้องประชุม · Committee work · Nawat" }]);
    expect(pageTitle(thaiReader, [], { text: "ระบบจองห้องประชุม" }, "nav.committee")).toEqual([{ title: "ระบบจองห้องประชุม · งานคณะกรรมการ · นวัต" }]);
  });

  it("is the app's name alone with no parts, and leaves out empty text", () => {
    expect(pageTitle(englishReader, [])).toEqual([{ title: "Nawat" }]);
    expect(pageTitle(thaiReader, [], { text: "" })).toEqual([{ title: "นวัต" }]);
  });

  it("shows a key outside the catalogues passed as itself, as useI18n does (never a crash)", () => {
    expect(pageTitle(thaiReader, [], "ideas.mine.title")).toEqual([{ title: "ideas.mine.title · นวัต" }]);
  });
});

describe("nameIn", () => {
  const record = { nameTh: "ระบบจองห้อง", nameEn: "Room booking" };
  it("is the English name for an English reader where the record has one, else the Thai", () => {
    expect(nameIn(englishReader, record)).toBe("Room booking");
    expect(nameIn(englishReader, { nameTh: "ระบบจองห้อง", nameEn: "" })).toBe("ระบบจองห้อง");
    expect(nameIn(englishReader, { nameTh: "ระบบจองห้อง", nameEn: null })).toBe("ระบบจองห้อง");
    expect(nameIn(thaiReader, record)).toBe("ระบบจองห้อง");
  });
});
