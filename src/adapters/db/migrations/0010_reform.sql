CREATE TABLE "forum_kinds" (
	"key" text PRIMARY KEY NOT NULL,
	"name_da" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"political" boolean DEFAULT false NOT NULL,
	"description_da" text,
	"description_en" text,
	"defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_roles" (
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "closed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_roles" ADD CONSTRAINT "platform_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_roles_person_role_uq" ON "platform_roles" USING btree ("person_id","role");
--> statement-breakpoint
-- Seed the catalogue of forum kinds (built in, editable through /api/forum-kinds).
INSERT INTO "forum_kinds" ("key", "name_da", "name_en", "level", "political", "defaults", "built_in") VALUES
  ('health_coordination_committee', 'Sundhedskoordinationsudvalg', 'Health coordination committee', 'political', true, '{"public": true}'::jsonb, true),
  ('health_steering_group', 'Sundhedsstyregruppe', 'Health steering group', 'central', false, '{}'::jsonb, true),
  ('chairmanship', 'Formandskab', 'Chairmanship', 'central', false, '{}'::jsonb, true),
  ('joint_secretariat', 'Fælles sekretariat', 'Joint secretariat', 'central', false, '{}'::jsonb, true),
  ('theme_group', 'Temagruppe', 'Theme group', 'central_theme', false, '{}'::jsonb, true),
  ('cluster', 'Sundhedsklynge', 'Health cluster', 'cluster', false, '{}'::jsonb, true),
  ('cluster_steering_group', 'Klyngestyregruppe', 'Cluster steering group', 'cluster', false, '{}'::jsonb, true),
  ('cluster_theme_group', 'Klynge-temagruppe', 'Cluster theme group', 'cluster_operational', false, '{}'::jsonb, true),
  ('focus_group', 'Fokusgruppe', 'Focus group', 'cluster_operational', false, '{}'::jsonb, true),
  ('ad_hoc_group', 'Ad hoc-gruppe', 'Ad hoc group', 'ad_hoc', false, '{"meetings": {"perYearMin": null, "perYearMax": null, "adHoc": true}}'::jsonb, true),
  ('sundhedsraad', 'Sundhedsråd', 'Health council', 'political', true, '{"public": true, "closedItems": "placeholder", "decisionMinutes": true}'::jsonb, true),
  ('sundhedsraad_committee', 'Udvalg under sundhedsråd', 'Health council committee', 'central', false, '{}'::jsonb, true),
  ('sundhedsraad_working_group', 'Arbejdsgruppe under sundhedsråd', 'Health council working group', 'central_theme', false, '{}'::jsonb, true),
  ('steering_group', 'Styregruppe', 'Steering group', 'central', false, '{}'::jsonb, true),
  ('operations_forum', 'Driftsforum', 'Operations forum', 'cluster_operational', false, '{}'::jsonb, true),
  ('kommunalt_laegeligt_udvalg', 'Kommunalt-lægeligt udvalg', 'Municipal-medical committee', 'central', false, '{}'::jsonb, true),
  ('psychiatry_forum', 'Psykiatriforum', 'Psychiatry forum', 'central_theme', false, '{}'::jsonb, true),
  ('bilateral_meeting', 'Bilateralt møde', 'Bilateral meeting', 'ad_hoc', false, '{}'::jsonb, true)
ON CONFLICT ("key") DO NOTHING;
