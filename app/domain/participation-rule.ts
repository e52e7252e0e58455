/**
 * The participation rule (indicator LG1) in force for one fiscal year. It is data, stored per
 * year, so a change applies from the year it is made for and past years keep their rule.
 */
export type ParticipationRule = {
  version: 1;
  /** Staff category codes that make up the population; null = every category. */
  countedCategoryCodes: string[] | null;
  /** Does commenting on an idea count as taking part? */
  countComments: boolean;
  /** Does attending a training session count as taking part? */
  countTrainingAttendance: boolean;
  /** Ideas rejected at screening as not useful do not count. */
  excludeRejectedAtScreening: boolean;
};

export const DEFAULT_PARTICIPATION_RULE: ParticipationRule = {
  version: 1,
  countedCategoryCodes: null,
  countComments: false,
  countTrainingAttendance: false,
  excludeRejectedAtScreening: true,
};

/** Read a stored rule, refusing anything that is not a well-formed version 1 rule. */
export function parseParticipationRule(value: unknown): ParticipationRule {
  if (typeof value !== "object" || value === null) throw new TypeError("participation rule: not an object");
  const rule = value as Record<string, unknown>;
  const codes = rule.countedCategoryCodes;
  const codesValid = codes === null || (Array.isArray(codes) && codes.every((code) => typeof code === "string"));
  if (
    rule.version !== 1 ||
    !codesValid ||
    typeof rule.countComments !== "boolean" ||
    typeof rule.countTrainingAttendance !== "boolean" ||
    typeof rule.excludeRejectedAtScreening !== "boolean"
  ) {
    throw new TypeError("participation rule: unexpected shape");
  }
  return {
    version: 1,
    countedCategoryCodes: codes as string[] | null,
    countComments: rule.countComments,
    countTrainingAttendance: rule.countTrainingAttendance,
    excludeRejectedAtScreening: rule.excludeRejectedAtScreening,
  };
}
