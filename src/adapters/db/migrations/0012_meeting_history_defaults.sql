CREATE TABLE "forum_meeting_defaults" (
	"forum_id" text PRIMARY KEY NOT NULL,
	"location" text,
	"online" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "historical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "substitute_person_id" text;--> statement-breakpoint
ALTER TABLE "forum_meeting_defaults" ADD CONSTRAINT "forum_meeting_defaults_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;