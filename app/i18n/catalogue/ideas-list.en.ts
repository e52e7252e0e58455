// English for ./ideas-list.ts. Server only: it reaches the browser through the root loader, and
// only for people who read English (see englishMessagesForBrowser in ../messages.server.ts).
import type { th } from "./ideas-list";

export const en: Record<keyof typeof th, string> = {
  "ideas.list.title": "All ideas",
  "ideas.list.search": "Search",
  "ideas.list.searchHint": "Thai or English words, e.g. flood",
  "ideas.list.stage": "Stage",
  "ideas.list.division": "Division",
  "ideas.list.fiscalYear": "Fiscal year",
  "ideas.list.mine": "Only my ideas",
  "ideas.list.sort": "Sort by",
  "ideas.list.sort.newest": "Newest",
  "ideas.list.sort.votes": "Most votes",
  "ideas.list.sort.discussed": "Most discussed",
  "ideas.list.any": "Any",
  "ideas.list.apply": "Search",
  "ideas.list.clear": "Clear filters",
  "ideas.list.empty": "No idea matches",
  "ideas.list.next": "Next page",
  "ideas.list.first": "Back to the first page",
};
