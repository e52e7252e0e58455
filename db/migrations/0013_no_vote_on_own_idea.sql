-- No vote on one's own idea (decision 023): the vote service says so first ("own"); these
-- triggers refuse whatever gets past it — SQL typed by an administrator, a script, a future path.
-- Both ways: a vote by an author of the idea, and an author row for someone who has voted on it
-- (the edit that adds a co-author removes their vote first, in the same transaction).
-- Each takes the idea's row first, the lock the app takes before writing votes or authors (a
-- no-op there): a vote and an author row for the same person at the same moment then come one
-- after the other, and the second one's check (a new statement: it reads what is committed by
-- then) sees the first. Stored rows are not checked: a vote an author gave before the rule stays
-- until the next edit of the idea removes it.
CREATE FUNCTION "idea_votes_not_by_authors"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "ideas" WHERE "id" = NEW."idea_id" FOR NO KEY UPDATE;
  IF EXISTS (SELECT 1 FROM "idea_authors" WHERE "idea_id" = NEW."idea_id" AND "person_id" = NEW."person_id") THEN
    RAISE EXCEPTION 'person % is an author of idea % and cannot vote on it', NEW."person_id", NEW."idea_id"
      USING ERRCODE = 'check_violation', TABLE = 'idea_votes', CONSTRAINT = 'idea_votes_not_by_authors';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "idea_authors_have_not_voted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "ideas" WHERE "id" = NEW."idea_id" FOR NO KEY UPDATE;
  IF EXISTS (SELECT 1 FROM "idea_votes" WHERE "idea_id" = NEW."idea_id" AND "person_id" = NEW."person_id") THEN
    RAISE EXCEPTION 'person % has voted on idea % and cannot be one of its authors while the vote stands', NEW."person_id", NEW."idea_id"
      USING ERRCODE = 'check_violation', TABLE = 'idea_authors', CONSTRAINT = 'idea_authors_have_not_voted';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "idea_votes_not_by_authors" BEFORE INSERT OR UPDATE OF "idea_id", "person_id" ON "idea_votes"
FOR EACH ROW EXECUTE FUNCTION "idea_votes_not_by_authors"();--> statement-breakpoint
CREATE TRIGGER "idea_authors_have_not_voted" BEFORE INSERT OR UPDATE OF "idea_id", "person_id" ON "idea_authors"
FOR EACH ROW EXECUTE FUNCTION "idea_authors_have_not_voted"();
