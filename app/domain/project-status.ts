/** A project's status, in the order the committee moves it. Here, not in db/schema, so pages can import it without bundling drizzle for the browser. */
export const PROJECT_STATUSES = ["planned", "active", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
