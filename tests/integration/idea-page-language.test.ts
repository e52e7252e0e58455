/**
 * The idea page in the reader's language (PRODUCT.md §7): the names the organisation keeps in
 * both languages — an author's division, the project the idea became — are shown in English to
 * a reader who chose English, in Thai to a Thai reader.
 */
import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/ideas.$ideaId._index";
import { setAccountLocale } from "../../app/models/accounts.server";
import type { Database } from "../../db/client.server";
import { accounts, ideas, projects } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const client = routeClient(() => db);

type IdeaPageData = {
  idea: { authors: { divisionName: string | null }[]; project: { name: string } | null };
};

async function ideaPageAs(username: string, locale: "th" | "en", ideaId: number): Promise<IdeaPageData> {
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  await setAccountLocale(db, account.id, locale);
  const response = await client.get(loader, `/ideas/${ideaId}`, username, { ideaId: String(ideaId) });
  expect(response.status).toBe(200);
  return (await response.json()) as IdeaPageData;
}

describe(`the idea page's names in the reader's language (${engineName})`, () => {
  it("an English reader sees the authors' divisions and the idea's project in English, a Thai reader in Thai", async () => {
    const [idea] = await db
      .select({ id: ideas.id, projectNameTh: projects.nameTh, projectNameEn: projects.nameEn })
      .from(ideas)
      .innerJoin(projects, eq(projects.id, ideas.projectId))
      .where(isNotNull(ideas.projectId))
      .limit(1);
    expect(idea.projectNameEn).not.toBe("");

    const english = await ideaPageAs("LS030", "en", idea.id);
    expect(english.idea.project?.name).toBe(idea.projectNameEn);
    const englishDivisions = english.idea.authors.map((author) => author.divisionName).filter((name) => name !== null);
    expect(englishDivisions.length).toBeGreaterThan(0);
    for (const name of englishDivisions) expect(name).not.toMatch(/[\u0E00-\u0E7F]/);

    const thai = await ideaPageAs("LS030", "th", idea.id);
    expect(thai.idea.project?.name).toBe(idea.projectNameTh);
    for (const name of thai.idea.authors.map((author) => author.divisionName).filter((name) => name !== null)) {
      expect(name).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});
