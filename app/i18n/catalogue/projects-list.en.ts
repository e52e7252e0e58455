// English for ./projects-list.ts. Server only: it reaches the browser through the root loader, and
// only for people who read English (see englishMessagesForBrowser in ../messages.server.ts).
import type { th } from "./projects-list";

export const en: Record<keyof typeof th, string> = {
  "projects.list.title": "Projects and innovations",
  "projects.list.intro": "Innovation projects born from staff ideas and the master plan's projects, with the innovations they delivered",
  "projects.list.new": "New project",
  "projects.list.filters": "Filter the list",
  "projects.list.filter": "Filter",
  "projects.list.clear": "Clear filters",
  "projects.list.all": "All",
  "projects.list.projects": "Projects",
  "projects.list.count": "{count} projects",
  "projects.list.empty": "No project matches the filters",
  "projects.list.innovations": "Innovations",
  "projects.list.innovationCount": "{count} delivered",
  "projects.list.innovationsEmpty": "No innovation matches the filters yet",
  "projects.list.perYear": "Projects and innovations per fiscal year",
  "projects.list.perYearHint": "Projects count in the fiscal year they started, innovations in the fiscal year they were delivered; per year and cumulative since the plan's first year",
  "projects.list.projectsInYear": "Projects started in the year",
  "projects.list.innovationsInYear": "Innovations delivered in the year",
  "projects.list.cumulative": "Cumulative",
};
