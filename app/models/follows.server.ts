import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaFollowers, ideas } from "../../db/schema";

export type FollowResult = "followed" | "already" | "notFound";
export type UnfollowResult = "unfollowed" | "absent";

/** Follow an idea; following twice is one row (the primary key says so). */
export async function follow(db: Database, params: { ideaId: number; personId: number }): Promise<FollowResult> {
  return db.transaction(async (tx) => {
    // FOR KEY SHARE: the idea cannot vanish before the insert, and votes are not blocked.
    const [idea] = await tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, params.ideaId)).for("key share");
    if (!idea) return "notFound";
    const inserted = await tx
      .insert(ideaFollowers)
      .values({ ideaId: params.ideaId, personId: params.personId })
      .onConflictDoNothing()
      .returning({ ideaId: ideaFollowers.ideaId });
    return inserted.length > 0 ? "followed" : "already";
  });
}

export async function unfollow(db: Database, params: { ideaId: number; personId: number }): Promise<UnfollowResult> {
  const deleted = await db
    .delete(ideaFollowers)
    .where(and(eq(ideaFollowers.ideaId, params.ideaId), eq(ideaFollowers.personId, params.personId)))
    .returning({ ideaId: ideaFollowers.ideaId });
  return deleted.length > 0 ? "unfollowed" : "absent";
}

export async function isFollowing(db: Database, ideaId: number, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ ideaId: ideaFollowers.ideaId })
    .from(ideaFollowers)
    .where(and(eq(ideaFollowers.ideaId, ideaId), eq(ideaFollowers.personId, personId)));
  return row !== undefined;
}
