/**
 * Intellectual-property status of an innovation (PRODUCT.md §4): the plan asks that innovations
 * be protected. What each status needs, checked the same way wherever an innovation is saved.
 *
 * - none: nothing else may be filled in;
 * - copyright_notified (จดแจ้งลิขสิทธิ์): the date of notification (kept as "filed on");
 * - petty_patent_filed / patent_filed (ยื่นคำขอ): the filing date; the application number is optional;
 * - petty_patent_granted / patent_granted (ได้รับ): the grant date and the certificate number; the
 *   filing date is optional but, when given, not after the grant.
 * No date may be in the future.
 */
export const IP_STATUS_VALUES = [
  "none",
  "copyright_notified",
  "petty_patent_filed",
  "petty_patent_granted",
  "patent_filed",
  "patent_granted",
] as const;
export type IpStatusValue = (typeof IP_STATUS_VALUES)[number];

export function isIpStatus(value: unknown): value is IpStatusValue {
  return typeof value === "string" && (IP_STATUS_VALUES as readonly string[]).includes(value);
}

export type IpRequirement = "required" | "optional" | "forbidden";

export const IP_REQUIREMENTS: Record<IpStatusValue, { number: IpRequirement; filedOn: IpRequirement; grantedOn: IpRequirement }> = {
  none: { number: "forbidden", filedOn: "forbidden", grantedOn: "forbidden" },
  copyright_notified: { number: "optional", filedOn: "required", grantedOn: "forbidden" },
  petty_patent_filed: { number: "optional", filedOn: "required", grantedOn: "forbidden" },
  patent_filed: { number: "optional", filedOn: "required", grantedOn: "forbidden" },
  petty_patent_granted: { number: "required", filedOn: "optional", grantedOn: "required" },
  patent_granted: { number: "required", filedOn: "optional", grantedOn: "required" },
};

export type IpInput = { status: IpStatusValue; number: string; filedOn: string | null; grantedOn: string | null };

export type IpProblem =
  | "projects.error.ipNumberRequired"
  | "projects.error.ipNumberNotApplicable"
  | "projects.error.ipFiledRequired"
  | "projects.error.ipFiledNotApplicable"
  | "projects.error.ipGrantedRequired"
  | "projects.error.ipGrantedNotApplicable"
  | "projects.error.ipGrantedBeforeFiled"
  | "projects.error.dateInFuture";

export type IpProblems = Partial<Record<"ipNumber" | "ipFiledOn" | "ipGrantedOn", IpProblem>>;

/** Problems of an IP record, per field; `today` is an ISO date in the organisation's zone. */
export function ipProblems(input: IpInput, today: string): IpProblems {
  const rules = IP_REQUIREMENTS[input.status];
  const problems: IpProblems = {};
  const number = input.number.trim();
  if (rules.number === "required" && number === "") problems.ipNumber = "projects.error.ipNumberRequired";
  if (rules.number === "forbidden" && number !== "") problems.ipNumber = "projects.error.ipNumberNotApplicable";

  if (rules.filedOn === "required" && input.filedOn === null) problems.ipFiledOn = "projects.error.ipFiledRequired";
  else if (rules.filedOn === "forbidden" && input.filedOn !== null) problems.ipFiledOn = "projects.error.ipFiledNotApplicable";
  else if (input.filedOn !== null && input.filedOn > today) problems.ipFiledOn = "projects.error.dateInFuture";

  if (rules.grantedOn === "required" && input.grantedOn === null) problems.ipGrantedOn = "projects.error.ipGrantedRequired";
  else if (rules.grantedOn === "forbidden" && input.grantedOn !== null) problems.ipGrantedOn = "projects.error.ipGrantedNotApplicable";
  else if (input.grantedOn !== null && input.grantedOn > today) problems.ipGrantedOn = "projects.error.dateInFuture";
  else if (input.grantedOn !== null && input.filedOn !== null && rules.filedOn !== "forbidden" && input.grantedOn < input.filedOn) {
    problems.ipGrantedOn = "projects.error.ipGrantedBeforeFiled";
  }
  return problems;
}

/** A protected innovation: anything beyond "none". */
export function isProtected(status: IpStatusValue): boolean {
  return status !== "none";
}
