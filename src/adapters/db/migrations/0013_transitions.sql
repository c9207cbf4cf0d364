CREATE TABLE "transitions" (
	"id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"effective_on" date NOT NULL,
	"status" text NOT NULL,
	"title" text,
	"plan" jsonb NOT NULL,
	"preview" jsonb,
	"changes" jsonb,
	"prepared_by" text,
	"applied_by" text,
	"applied_at" timestamp with time zone,
	"undone_by" text,
	"undone_at" timestamp with time zone,
	"effective_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "transitions_region_idx" ON "transitions" USING btree ("region","effective_on");