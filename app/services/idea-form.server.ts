import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { plans } from "../../db/schema";
import { parseTags } from "../domain/idea-search";
import type { MessageKey } from "../i18n/messages.server";
import type { IdeaFormFieldValues, PlanOption } from "../components/idea-form";
import type { IdeaInput } from "../models/ideas.server";
import { getPlanTree } from "../models/plan.server";
import { personEntry } from "../domain/person-entry";
import { loadStaffChoices, resolvePerson, type PersonProblem } from "./person-lookup.server";
import { visibleLength } from "../domain/visible-text";

export const IDEA_LIMITS = { titleMin: 5, titleMax: 200, textMin: 10, textMax: 5000, coAuthorFields: 3 } as const;

/** What the form sent, as typed: returned on an error so nothing typed is lost. */
export type IdeaFormValues = IdeaFormFieldValues;

export type IdeaFieldErrors = Partial<Record<"title" | "problem" | "solution" | "benefit" | "planId" | "tags" | `coAuthor${number}`, MessageKey>>;

export function ideaFormValues(formData: FormData): IdeaFormValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? "").slice(0, max);
  const coAuthors = formData
    .getAll("coAuthor")
    .slice(0, IDEA_LIMITS.coAuthorFields)
    .map((value) => String(value).slice(0, 200));
  while (coAuthors.length < IDEA_LIMITS.coAuthorFields) coAuthors.push("");
  return {
    title: text("title", IDEA_LIMITS.titleMax * 2),
    problem: text("problem", IDEA_LIMITS.textMax * 2),
    solution: text("solution", IDEA_LIMITS.textMax * 2),
    benefit: text("benefit", IDEA_LIMITS.textMax * 2),
    planId: text("planId", 12),
    coAuthors,
    tags: text("tags", 500),
  };
}

function lengthError(value: string, min: number, max: number): MessageKey | undefined {
  // Empty and too short as a reader sees it (zero-width characters are not text); too long as stored.
  const visible = visibleLength(value);
  if (visible === 0) return "ideas.error.required";
  if (visible < min) return "ideas.error.tooShort";
  if ([...value.trim()].length > max) return "ideas.error.tooLong";
  return undefined;
}

/** A co-author's problem, in the idea form's words (anyone on the roster may co-author). */
const CO_AUTHOR_PROBLEMS: Record<PersonProblem, MessageKey> = {
  unknown: "ideas.error.coAuthorUnknown",
  ambiguous: "ideas.error.coAuthorAmbiguous",
  notEmployed: "ideas.error.coAuthorUnknown",
};

/** Check the form; on success the idea's input, otherwise a message key per bad field. */
export async function parseIdeaForm(
  db: Database,
  values: IdeaFormValues,
  submitterPersonId: number,
): Promise<{ ok: true; input: IdeaInput } | { ok: false; fieldErrors: IdeaFieldErrors }> {
  const fieldErrors: IdeaFieldErrors = {};
  const titleError = lengthError(values.title, IDEA_LIMITS.titleMin, IDEA_LIMITS.titleMax);
  if (titleError) fieldErrors.title = titleError;
  for (const field of ["problem", "solution", "benefit"] as const) {
    const error = lengthError(values[field], IDEA_LIMITS.textMin, IDEA_LIMITS.textMax);
    if (error) fieldErrors[field] = error;
  }
  let planId: number | null = null;
  if (values.planId !== "") {
    const parsed = Number(values.planId);
    const [plan] = Number.isInteger(parsed) ? await db.select({ id: plans.id }).from(plans).where(eq(plans.id, parsed)) : [];
    if (plan) planId = plan.id;
    else fieldErrors.planId = "ideas.error.planUnknown";
  }
  const coAuthorPersonIds: number[] = [];
  for (const [index, typed] of values.coAuthors.entries()) {
    if (typed.trim() === "") continue;
    const resolved = await resolvePerson(db, typed);
    if (!resolved.ok) fieldErrors[`coAuthor${index}`] = CO_AUTHOR_PROBLEMS[resolved.problem];
    else if (resolved.personId === submitterPersonId) fieldErrors[`coAuthor${index}`] = "ideas.error.coAuthorSelf";
    else coAuthorPersonIds.push(resolved.personId);
  }
  const parsedTags = parseTags(values.tags);
  if (parsedTags.tooMany) fieldErrors.tags = "ideas.error.tooManyTags";
  else if (parsedTags.tooLong) fieldErrors.tags = "ideas.error.tagTooLong";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    input: {
      title: values.title.normalize("NFC").trim(),
      problem: values.problem.normalize("NFC").trim(),
      solution: values.solution.normalize("NFC").trim(),
      benefit: values.benefit.normalize("NFC").trim(),
      planId,
      coAuthorPersonIds,
      tags: parsedTags.tags,
    },
  };
}

/** Choices for the form: plan items grouped by strategy, and staff for the co-author list. */
export async function loadIdeaFormOptions(
  db: Database,
  params: { locale: "th" | "en"; today: string; excludePersonId: number },
): Promise<{ planOptions: PlanOption[]; staffOptions: { value: string }[] }> {
  const [tree, staff] = await Promise.all([
    getPlanTree(db),
    // A datalist of the whole staff suits a small organisation; a large one types the code.
    loadStaffChoices(db, { day: params.today, excludePersonId: params.excludePersonId }),
  ]);
  const name = (item: { nameTh: string; nameEn: string }) => (params.locale === "en" && item.nameEn) || item.nameTh;
  const planOptions = tree.map((strategy) => ({
    strategyCode: strategy.code,
    strategyName: name(strategy),
    plans: strategy.plans.map((plan) => ({ id: plan.id, code: plan.code, name: name(plan) })),
  }));
  const staffOptions = staff.staff.map((person) => ({ value: personEntry(person.employeeCode, person.name) }));
  return { planOptions, staffOptions };
}

export function emptyIdeaFormValues(): IdeaFormValues {
  return { title: "", problem: "", solution: "", benefit: "", planId: "", coAuthors: ["", "", ""], tags: "" };
}
