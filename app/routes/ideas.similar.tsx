import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { parseRecordId } from "../domain/record-id";
import { findSimilarIdeas } from "../models/ideas.server";

/** Similar ideas for the title being typed (called by the idea form while typing). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const url = new URL(request.url);
  const ideas = await findSimilarIdeas(db(), url.searchParams.get("title") ?? "", {
    excludeIdeaId: parseRecordId(url.searchParams.get("exclude")) ?? undefined,
  });
  return json({ ideas }, { headers: { "Cache-Control": "private, max-age=30" } });
}
