import { describe, expect, it } from "vitest";
import { IP_STATUS_VALUES, ipProblems, isIpStatus, isProtected } from "./ip-status";

const TODAY = "2026-11-25";

describe("ipProblems", () => {
  it("accepts none with nothing else filled in, and refuses a number or dates with it", () => {
    expect(ipProblems({ status: "none", number: "", filedOn: null, grantedOn: null }, TODAY)).toEqual({});
    expect(ipProblems({ status: "none", number: "123", filedOn: "2026-01-01", grantedOn: "2026-02-01" }, TODAY)).toEqual({
      ipNumber: "projects.error.ipNumberNotApplicable",
      ipFiledOn: "projects.error.ipFiledNotApplicable",
      ipGrantedOn: "projects.error.ipGrantedNotApplicable",
    });
  });

  it("needs a filing date for a filed status, and refuses a grant date", () => {
    expect(ipProblems({ status: "petty_patent_filed", number: "", filedOn: null, grantedOn: null }, TODAY)).toEqual({
      ipFiledOn: "projects.error.ipFiledRequired",
    });
    expect(ipProblems({ status: "patent_filed", number: "2301001234", filedOn: "2026-03-01", grantedOn: "2026-04-01" }, TODAY)).toEqual({
      ipGrantedOn: "projects.error.ipGrantedNotApplicable",
    });
    expect(ipProblems({ status: "copyright_notified", number: "", filedOn: "2026-03-01", grantedOn: null }, TODAY)).toEqual({});
  });

  it("needs a grant date and a number for a granted status, the grant not before the filing", () => {
    expect(ipProblems({ status: "petty_patent_granted", number: "", filedOn: null, grantedOn: null }, TODAY)).toEqual({
      ipNumber: "projects.error.ipNumberRequired",
      ipGrantedOn: "projects.error.ipGrantedRequired",
    });
    expect(ipProblems({ status: "patent_granted", number: "12345", filedOn: "2026-05-01", grantedOn: "2026-04-01" }, TODAY)).toEqual({
      ipGrantedOn: "projects.error.ipGrantedBeforeFiled",
    });
    expect(ipProblems({ status: "patent_granted", number: "12345", filedOn: null, grantedOn: "2026-04-01" }, TODAY)).toEqual({});
  });

  it("refuses dates after today", () => {
    expect(ipProblems({ status: "petty_patent_filed", number: "", filedOn: "2026-11-26", grantedOn: null }, TODAY)).toEqual({
      ipFiledOn: "projects.error.dateInFuture",
    });
    expect(ipProblems({ status: "petty_patent_granted", number: "9", filedOn: "2026-01-01", grantedOn: "2027-01-01" }, TODAY)).toEqual({
      ipGrantedOn: "projects.error.dateInFuture",
    });
  });

  it("knows its statuses", () => {
    expect(IP_STATUS_VALUES.filter(isProtected)).toHaveLength(5);
    expect(isIpStatus("patent_granted")).toBe(true);
    expect(isIpStatus("trademark")).toBe(false);
  });
});
