CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"forum_id" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"location" text,
	"online" boolean DEFAULT false NOT NULL,
	"title" text,
	"kind" text DEFAULT 'ordinary' NOT NULL,
	"joint_with_forum_id" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"sequence" integer,
	"agenda_sent_at" timestamp with time zone,
	"minutes_sent_at" timestamp with time zone,
	"cancelled_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"forum_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"assignee_forum_id" text,
	"assignee_person_id" text,
	"due_on" date NOT NULL,
	"report_to_forum_id" text,
	"source_meeting_id" text,
	"source_item_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_forum_date_idx" ON "meetings" USING btree ("forum_id","date");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date");--> statement-breakpoint
CREATE INDEX "tasks_forum_idx" ON "tasks" USING btree ("forum_id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_person_idx" ON "tasks" USING btree ("assignee_person_id");--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("due_on");