// English for ./home.ts. Server only (see englishMessagesForBrowser in ../messages.server.ts).
import type { th } from "./home";

export const en: Record<keyof typeof th, string> = {
  "home.dashboard.body": "The master plan's results against its targets",
  "home.projects.body": "Innovation projects and the innovations they delivered",
  "home.myTraining.body": "Your training history and hours",
  "home.committee.body": "Screen, score and move ideas along",
  "home.training.body": "Record training sessions and attendance",
  "home.greeting": "Hello, {name}",
  "home.today": "Today is {date} · {fiscalYear} quarter {quarter}",
  "home.yourRoles": "Your roles",
  "home.whatYouCanDo": "What you can do",
  "home.plan.title": "Innovation master plan",
  "home.plan.body": "Strategies, plans, projects and indicators with their yearly targets",
  "home.roster.body": "Staff, divisions and staff categories",
  "home.division.body": "The staff of your division",
  "home.accounts.body": "Create accounts, set roles, reset passwords, disable accounts",
  "home.planAdmin.body": "Edit strategies, plans, projects and indicator targets",
  "home.settings.body": "Fiscal year, time zone",
  "home.audit.body": "Who did what, and when",
  "home.account.body": "Your details, language and password",
  "home.ideas.body": "Search, vote and comment on your colleagues' ideas",
  "home.newIdea.body": "Submit a new idea in two minutes",
  "home.myIdeas.body": "How your ideas are progressing",
};
