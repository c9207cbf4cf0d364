CREATE TABLE "meeting_timer" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"item_index" integer NOT NULL,
	"started_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_timer" ADD CONSTRAINT "meeting_timer_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;