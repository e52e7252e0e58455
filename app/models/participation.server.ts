import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  divisionAssignments,
  employmentPeriods,
  fiscalYearSettings,
  ideaAuthors,
  ideaComments,
  ideaStageEvents,
  ideas,
  people,
  staffCategories,
  trainingAttendance,
  trainingSessions,
} from "../../db/schema";
import type { FiscalCalendar } from "../domain/fiscal-year";
import { participationWindow, type DivisionParticipationCounts, type ParticipationData } from "../domain/participation";
import { DEFAULT_PARTICIPATION_RULE, parseParticipationRule, type ParticipationRule } from "../domain/participation-rule";

/** The rule in force for a fiscal year (the default where none was stored). */
export async function getParticipationRule(db: Database, fiscalYearBE: number): Promise<ParticipationRule> {
  const [row] = await db
    .select({ rule: fiscalYearSettings.participationRule })
    .from(fiscalYearSettings)
    .where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE));
  return row ? parseParticipationRule(row.rule) : DEFAULT_PARTICIPATION_RULE;
}

export type ParticipationRow = {
  personId: number;
  /** The division the person was in during the year (the latest assignment overlapping it). */
  divisionId: number | null;
  /** Ideas of the year that count, by this person (as author or co-author). */
  countedIdeas: number;
  comments: number;
  trainingSessions: number;
  participant: boolean;
};

/**
 * LG1 for one fiscal year as ONE SQL statement: a row per person in the population with what
 * they contributed, their division during the year, and whether they count. Must agree with
 * computeParticipation (app/domain); the integration tests compare both on random data.
 */
function participationQuery(fiscalYearBE: number, rule: ParticipationRule, calendar: FiscalCalendar, asOf?: Date) {
  const { start, end, firstDay, lastDay } = participationWindow(fiscalYearBE, calendar, asOf);
  const categoryFilter =
    rule.countedCategoryCodes === null
      ? sql`true`
      : rule.countedCategoryCodes.length === 0
        ? sql`false`
        : sql`c.code in (${sql.join(rule.countedCategoryCodes.map((code) => sql`${code}`), sql`, `)})`;
  const startAt = start.toISOString();
  const endAt = end.toISOString();
  return sql`
    with population as (
      select distinct p.id as person_id
      from ${people} p
      join ${staffCategories} c on c.id = p.category_id
      join ${employmentPeriods} e on e.person_id = p.id
      where e.start_date <= ${lastDay}::date
        and (e.end_date is null or e.end_date >= ${firstDay}::date)
        and ${categoryFilter}
    ),
    counted_ideas as (
      select i.id
      from ${ideas} i
      where i.submitted_at >= ${startAt}::timestamptz and i.submitted_at < ${endAt}::timestamptz
        and i.stage <> 'withdrawn'
        and not (${rule.excludeRejectedAtScreening} and i.stage = 'not_adopted' and exists (
          select 1 from ${ideaStageEvents} ev
          where ev.idea_id = i.id and ev.to_stage = 'not_adopted' and ev.from_stage = 'screening'))
    ),
    idea_counts as (
      -- (idea, person) is the primary key: plain count(*) counts each idea once, without a sort.
      select ia.person_id, count(*)::int as n
      from ${ideaAuthors} ia join counted_ideas ci on ci.id = ia.idea_id
      group by ia.person_id
    ),
    comment_counts as (
      select author_person_id as person_id, count(*)::int as n
      from ${ideaComments}
      where created_at >= ${startAt}::timestamptz and created_at < ${endAt}::timestamptz
      group by author_person_id
    ),
    training_counts as (
      select a.person_id, count(*)::int as n
      from ${trainingAttendance} a join ${trainingSessions} s on s.id = a.session_id
      where s.start_date between ${firstDay}::date and ${lastDay}::date
      group by a.person_id
    ),
    division_in_year as (
      select distinct on (da.person_id) da.person_id, da.division_id
      from ${divisionAssignments} da
      where da.start_date <= ${lastDay}::date and (da.end_date is null or da.end_date >= ${firstDay}::date)
      order by da.person_id, da.start_date desc
    ),
    rows as (
      select pop.person_id as "personId",
             dy.division_id as "divisionId",
             coalesce(ic.n, 0) as "countedIdeas",
             coalesce(cc.n, 0) as "comments",
             coalesce(tc.n, 0) as "trainingSessions",
             (coalesce(ic.n, 0) > 0
               or (${rule.countComments} and coalesce(cc.n, 0) > 0)
               or (${rule.countTrainingAttendance} and coalesce(tc.n, 0) > 0)) as "participant"
      from population pop
      left join idea_counts ic on ic.person_id = pop.person_id
      left join comment_counts cc on cc.person_id = pop.person_id
      left join training_counts tc on tc.person_id = pop.person_id
      left join division_in_year dy on dy.person_id = pop.person_id
    )`;
}

function resultRows(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

const isTrue = (value: unknown) => value === true || value === "t";

export async function participationRows(
  db: Database,
  fiscalYearBE: number,
  rule: ParticipationRule,
  calendar: FiscalCalendar,
  asOf?: Date,
): Promise<ParticipationRow[]> {
  const result = await db.execute(sql`${participationQuery(fiscalYearBE, rule, calendar, asOf)} select * from rows order by "personId"`);
  return resultRows(result).map((row) => ({
    personId: Number(row.personId),
    divisionId: row.divisionId === null ? null : Number(row.divisionId),
    countedIdeas: Number(row.countedIdeas),
    comments: Number(row.comments),
    trainingSessions: Number(row.trainingSessions),
    participant: isTrue(row.participant),
  }));
}

/**
 * LG1 aggregated in the database, one row per division during the year (what the dashboard
 * shows): the same rows as participationRows, summed, so 20,000 people cost a few rows on the
 * wire instead of 20,000. summariseParticipationRows does the same in code (closed years'
 * snapshots); tests compare the two.
 */
export async function participationSummary(
  db: Database,
  fiscalYearBE: number,
  rule: ParticipationRule,
  calendar: FiscalCalendar,
  asOf?: Date,
): Promise<DivisionParticipationCounts[]> {
  const result = await db.execute(sql`${participationQuery(fiscalYearBE, rule, calendar, asOf)}
    select "divisionId",
           count(*)::int as population,
           count(*) filter (where "participant")::int as participants,
           count(*) filter (where "countedIdeas" > 0)::int as "withIdeas",
           count(*) filter (where "comments" > 0)::int as "withComments",
           count(*) filter (where "trainingSessions" > 0)::int as "withTraining"
    from rows group by "divisionId" order by "divisionId" nulls last`);
  return resultRows(result).map((row) => ({
    divisionId: row.divisionId === null ? null : Number(row.divisionId),
    population: Number(row.population),
    participants: Number(row.participants),
    withIdeas: Number(row.withIdeas),
    withComments: Number(row.withComments),
    withTraining: Number(row.withTraining),
  }));
}

/** Everything computeParticipation needs, read as plain data (tests, and drill-down checks). */
export async function loadParticipationData(db: Database): Promise<ParticipationData> {
  const [personRows, periodRows, ideaRows, authorRows, rejectedRows, commentRows, attendanceRows] = await Promise.all([
    db.select({ personId: people.id, categoryCode: staffCategories.code }).from(people).innerJoin(staffCategories, eq(staffCategories.id, people.categoryId)),
    db.select({ personId: employmentPeriods.personId, start: employmentPeriods.startDate, end: employmentPeriods.endDate }).from(employmentPeriods),
    db.select({ ideaId: ideas.id, submittedAt: ideas.submittedAt, stage: ideas.stage }).from(ideas),
    db.select({ ideaId: ideaAuthors.ideaId, personId: ideaAuthors.personId }).from(ideaAuthors),
    db
      .selectDistinct({ ideaId: ideaStageEvents.ideaId })
      .from(ideaStageEvents)
      .where(sql`${ideaStageEvents.toStage} = 'not_adopted' and ${ideaStageEvents.fromStage} = 'screening'`),
    db.select({ personId: ideaComments.authorPersonId, createdAt: ideaComments.createdAt }).from(ideaComments),
    db
      .select({ personId: trainingAttendance.personId, sessionStartDate: trainingSessions.startDate })
      .from(trainingAttendance)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId)),
  ]);
  const rejected = new Set(rejectedRows.map((row) => row.ideaId));
  return {
    people: personRows.map((person) => ({
      ...person,
      employment: periodRows.filter((period) => period.personId === person.personId).map(({ start, end }) => ({ start, end })),
    })),
    ideas: ideaRows.map((idea) => ({
      ...idea,
      rejectedAtScreening: idea.stage === "not_adopted" && rejected.has(idea.ideaId),
      authorPersonIds: authorRows.filter((author) => author.ideaId === idea.ideaId).map((author) => author.personId),
    })),
    comments: commentRows,
    trainingAttendance: attendanceRows,
  };
}
