CREATE TABLE "region_aliases" (
	"slug" text NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"until" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_aliases_region_id_slug_name_pk" PRIMARY KEY("region_id","slug","name")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"merged_into" text,
	"merged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "region_aliases" ADD CONSTRAINT "region_aliases_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_aliases_slug_idx" ON "region_aliases" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_slug_uq" ON "regions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_name_uq" ON "regions" USING btree ("name");--> statement-breakpoint
-- Seed the regions from the names forums, closed days and transitions use today, so
-- existing data keeps working. The slug follows the same rule as the code
-- (src/domain/registry/region.model.ts regionSlug): without "Region ", æ/ø/å as
-- ae/oe/aa, other letters and spaces as hyphens; a slug two names share gets a number.
INSERT INTO "regions" ("id", "slug", "name")
SELECT 'region_' || s.slug || CASE WHEN s.n > 1 THEN '-' || s.n ELSE '' END,
       s.slug || CASE WHEN s.n > 1 THEN '-' || s.n ELSE '' END,
       s.name
FROM (
  SELECT b.name, b.slug, row_number() OVER (PARTITION BY b.slug ORDER BY b.name) AS n
  FROM (
    SELECT a.name,
           coalesce(nullif(left(trim(both '-' from regexp_replace(
             translate(replace(replace(replace(regexp_replace(lower(a.name), '^\s*region\s+', ''), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'),
                       'áàâäãéèêëíìîïóòôöõúùûüýÿñç', 'aaaaaeeeeiiiiooooouuuuyync'),
             '[^a-z0-9]+', '-', 'g')), 60), ''), 'region') AS slug
    FROM (
      SELECT DISTINCT "region" AS name FROM "forums"
      UNION SELECT DISTINCT "region" FROM "region_closed_days"
      UNION SELECT DISTINCT "region" FROM "transitions"
    ) a
  ) b
) s;
