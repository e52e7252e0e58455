import * as account from "./catalogue/account";
import * as admin from "./catalogue/admin";
import * as core from "./catalogue/core";
import * as dashboard from "./catalogue/dashboard";
import * as engagement from "./catalogue/engagement";
import * as home from "./catalogue/home";
import * as ideas from "./catalogue/ideas";
import * as ideasForm from "./catalogue/ideas-form";
import * as personalData from "./catalogue/personal-data";
import * as auditActions from "./catalogue/audit-actions";
import * as ideasList from "./catalogue/ideas-list";
import * as pipeline from "./catalogue/pipeline";
import * as pipelineBoard from "./catalogue/pipeline-board";
import * as projectsList from "./catalogue/projects-list";
import * as projectsTrail from "./catalogue/projects-trail";
import * as plan from "./catalogue/plan";
import * as projects from "./catalogue/projects";
import * as reports from "./catalogue/reports";
import * as roster from "./catalogue/roster";
import { en as accountEn } from "./catalogue/account.en";
import { en as adminEn } from "./catalogue/admin.en";
import { en as coreEn } from "./catalogue/core.en";
import { en as dashboardEn } from "./catalogue/dashboard.en";
import { en as engagementEn } from "./catalogue/engagement.en";
import { en as homeEn } from "./catalogue/home.en";
import { en as ideasEn } from "./catalogue/ideas.en";
import { en as ideasFormEn } from "./catalogue/ideas-form.en";
import { en as personalDataEn } from "./catalogue/personal-data.en";
import { en as auditActionsEn } from "./catalogue/audit-actions.en";
import { en as ideasListEn } from "./catalogue/ideas-list.en";
import { en as pipelineEn } from "./catalogue/pipeline.en";
import { en as pipelineBoardEn } from "./catalogue/pipeline-board.en";
import { en as projectsListEn } from "./catalogue/projects-list.en";
import { en as projectsTrailEn } from "./catalogue/projects-trail.en";
import { en as planEn } from "./catalogue/plan.en";
import { en as projectsEn } from "./catalogue/projects.en";
import { en as reportsEn } from "./catalogue/reports.en";
import { en as rosterEn } from "./catalogue/roster.en";
import { fillPlaceholders, isLocale, LOCALES, type AppLocale } from "./locales";

/**
 * The whole message catalogue, for server code (loaders, actions, services, CSV exports,
 * notifications). Every string a person reads comes from ./catalogue: Thai is the source in
 * <area>.ts, English in <area>.en.ts must have every key (its type says so). `{name}` marks a
 * value filled in at run time.
 *
 * Components do not translate through this module: they call useI18n(...areas) (./use-i18n.ts),
 * which bundles only the Thai of the areas a page uses and takes English from the root loader.
 * A `.server` module: Remix leaves it out of client bundles even where a route imports
 * `translate` for its loader (esbuild kept the catalogue chunks otherwise).
 */
const THAI = [core.th, home.th, account.th, plan.th, admin.th, ideas.th, ideasForm.th, ideasList.th, engagement.th, roster.th, pipeline.th, pipelineBoard.th, projects.th, projectsList.th, projectsTrail.th, dashboard.th, reports.th, personalData.th, auditActions.th] as const;
const ENGLISH = [coreEn, homeEn, accountEn, planEn, adminEn, ideasEn, ideasFormEn, ideasListEn, engagementEn, rosterEn, pipelineEn, pipelineBoardEn, projectsEn, projectsListEn, projectsTrailEn, dashboardEn, reportsEn, personalDataEn, auditActionsEn] as const;

/** Every message key, in any area. */
export type MessageKey = AnyKeyOf<(typeof THAI)[number]>;

/** A message by its key, with its `{placeholders}` filled: what `useI18n().t` is, and what pure code that words things is given. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type AnyKeyOf<Catalogue> = Catalogue extends unknown ? keyof Catalogue & string : never;

/** A catalogue of one area, as passed to useI18n. */
export type Catalogue = Readonly<Record<string, string>>;

/** The whole Thai catalogue, merged (built on demand: server code and tests only). */
export function thaiCatalogue(): Readonly<Record<MessageKey, string>> {
  return Object.assign({}, ...THAI) as Record<MessageKey, string>;
}

/** The whole English catalogue, merged (built on demand: server code and tests only). */
export function englishCatalogue(): Readonly<Record<MessageKey, string>> {
  return Object.assign({}, ...ENGLISH) as Record<MessageKey, string>;
}

let merged: { th: Readonly<Record<MessageKey, string>>; en: Readonly<Record<MessageKey, string>> } | undefined;

/** Both languages merged once per process, for translate and for the browser's English. */
function mergedCatalogues() {
  merged ??= { th: thaiCatalogue(), en: englishCatalogue() };
  return merged;
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function translate(locale: AppLocale, key: MessageKey, values?: Record<string, string | number>): string {
  return fillPlaceholders(mergedCatalogues()[locale === "en" ? "en" : "th"][key], values);
}

/**
 * English for the browser, sent by the root loader only when the page is read in English: the
 * client bundles hold Thai only, so a Thai reader downloads no English at all.
 */
export function englishMessagesForBrowser(): Readonly<Record<MessageKey, string>> {
  return mergedCatalogues().en;
}

export { isLocale, LOCALES, type AppLocale };
