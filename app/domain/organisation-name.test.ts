import { describe, expect, it } from "vitest";
import { ORGANISATION_NAME_MAX, parseOrganisationNames } from "./organisation-name";

describe("parseOrganisationNames", () => {
  it("takes a Thai name, trimmed, and an optional English one", () => {
    expect(parseOrganisationNames({ nameTh: "  องค์การบริหารส่วนตำบลลุ่มสุ่ม ", nameEn: "" })).toEqual({ ok: true, names: { nameTh: "องค์การบริหารส่วนตำบลลุ่มสุ่ม", nameEn: "" } });
    expect(parseOrganisationNames({ nameTh: "เทศบาลตำบล", nameEn: " Tambon Municipality " })).toEqual({ ok: true, names: { nameTh: "เทศบาลตำบล", nameEn: "Tambon Municipality" } });
  });
  it("refuses a Thai name that is empty to a reader, and names that are too long", () => {
    expect(parseOrganisationNames({ nameTh: " \u200b ", nameEn: "" })).toEqual({ ok: false, fieldErrors: { nameTh: "settings.nameRequired" } });
    expect(parseOrganisationNames({ nameTh: null, nameEn: undefined })).toEqual({ ok: false, fieldErrors: { nameTh: "settings.nameRequired" } });
    expect(parseOrganisationNames({ nameTh: "ก".repeat(ORGANISATION_NAME_MAX), nameEn: "a".repeat(ORGANISATION_NAME_MAX + 1) })).toEqual({ ok: false, fieldErrors: { nameEn: "settings.nameTooLong" } });
    expect(parseOrganisationNames({ nameTh: "ก".repeat(ORGANISATION_NAME_MAX + 1), nameEn: "" })).toEqual({ ok: false, fieldErrors: { nameTh: "settings.nameTooLong" } });
  });
});
