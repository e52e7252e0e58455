import type { RouteAccess } from "./types";

// Who may call each route of projects, innovations, follow-ups and evidence.
// Pages are open to everyone signed in; every change (an action) is the committee's.
export const projectsRoutes: Record<string, RouteAccess> = {
  "projects._index": { loader: "signed-in" },
  "projects.new": { loader: ["committee"], action: ["committee"] },
  "projects.$projectId._index": { loader: "signed-in", action: ["committee"], params: ({ someProjectId }) => ({ projectId: someProjectId }) },
  "projects.$projectId.edit": { loader: ["committee"], action: ["committee"], params: ({ someProjectId }) => ({ projectId: someProjectId }) },
  "projects.$projectId.innovations.new": { loader: ["committee"], action: ["committee"], params: ({ someProjectId }) => ({ projectId: someProjectId }) },
  "innovations.$innovationId._index": { loader: "signed-in", action: ["committee"], params: ({ someInnovationId }) => ({ innovationId: someInnovationId }) },
  "innovations.$innovationId.edit": { loader: ["committee"], action: ["committee"], params: ({ someInnovationId }) => ({ innovationId: someInnovationId }) },
  "innovations.$innovationId.trail": { loader: "signed-in", action: ["committee"], params: ({ someInnovationId }) => ({ innovationId: someInnovationId }) },
  // Signed in, and then only people allowed to see the record the file belongs to (403 otherwise).
  "attachments.$attachmentId": { loader: "signed-in", action: ["committee"], params: () => ({ attachmentId: "1" }) },
  "attachments.$attachmentId_.unavailable": { loader: "signed-in", params: () => ({ attachmentId: "1" }) },
};
