import type { Role } from "../../../app/domain/roles";

export type Access =
  | "public" // anyone, signed in or not (sign-out, language switch, 404)
  | "anonymous" // the sign-in page: a signed-in person is sent home
  | "signed-in" // any signed-in person
  | readonly Role[]; // signed in and holding one of these roles

/** Ids of real rows in the seeded demo database ("1" where the table is empty), for route params. */
export type SampleIds = {
  someAccountId: string;
  someIdeaId: string;
  somePersonId: string;
  someProjectId: string;
  someInnovationId: string;
  someTrainingSessionId: string;
};
export type RouteAccess = { loader: Access; action?: Access; params?: (ids: SampleIds) => Record<string, string> };

