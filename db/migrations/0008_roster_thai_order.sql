-- Thai dictionary order for names, the same as Intl.Collator("th") (decision 018). PostgreSQL 15
-- has ICU's Thai locale data; PGlite's ICU carries only the root order and ignores locale
-- keywords, so from PostgreSQL 16 on (PGlite is 18) the collation is the root order plus the Thai
-- tailoring written out: the rules ICU's own "th" collation is made of (ICU 72, CLDR 42).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'thai' AND collnamespace = current_schema()::regnamespace) THEN
    IF current_setting('server_version_num')::int >= 160000 THEN
      EXECUTE $sql$CREATE COLLATION thai (provider = icu, locale = 'und', rules = '[normalization on][alternate shifted][reorder Thai]&[before 1]๚<ฯ&๛<ๆ&๎<<์&[before 1]ะ<ํ&า<<<ๅ&าํ<<<ํา<<<ำ&ๅํ<<<ํๅ&ไ<ฺ')$sql$;
    ELSE
      EXECUTE $sql$CREATE COLLATION thai (provider = icu, locale = 'th-TH')$sql$;
    END IF;
  END IF;
END
$$;
--> statement-breakpoint
CREATE INDEX "people_thai_name_idx" ON "people" USING btree ("first_name_th" COLLATE thai,"last_name_th" COLLATE thai,"id");
