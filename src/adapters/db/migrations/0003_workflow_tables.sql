CREATE TABLE "agenda_items" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"presenters" jsonb NOT NULL,
	"minutes" integer NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"recommendations" jsonb NOT NULL,
	"fixed" text,
	"decision" text,
	"origin" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"answer" text,
	"substitute_name" text,
	"present" boolean,
	"answered_at" timestamp with time zone,
	CONSTRAINT "attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "item_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"meeting_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"document_path" text NOT NULL,
	"document_version" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_document_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"event" text NOT NULL,
	"reason" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_workflow" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"agenda_approved_at" timestamp with time zone,
	"agenda_approved_by" text,
	"minutes_status" text DEFAULT 'draft' NOT NULL,
	"minutes_version" integer DEFAULT 1 NOT NULL,
	"minutes_sent_at" timestamp with time zone,
	"window_closes_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_how" text,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"proposer_person_id" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"background" text NOT NULL,
	"recommendation" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"decline_reason" text,
	"item_id" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remarks" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"item_id" text,
	"text" text NOT NULL,
	"minutes_version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_attachments" ADD CONSTRAINT "item_attachments_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_document_versions" ADD CONSTRAINT "meeting_document_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_workflow" ADD CONSTRAINT "meeting_workflow_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remarks" ADD CONSTRAINT "remarks_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "attendance_person_idx" ON "attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "item_attachments_item_idx" ON "item_attachments" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_document_versions_uq" ON "meeting_document_versions" USING btree ("meeting_id","kind","version","event");--> statement-breakpoint
CREATE INDEX "meeting_document_versions_meeting_idx" ON "meeting_document_versions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "proposals_meeting_idx" ON "proposals" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "remarks_meeting_idx" ON "remarks" USING btree ("meeting_id");