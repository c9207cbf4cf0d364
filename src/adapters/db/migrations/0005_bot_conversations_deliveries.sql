CREATE TABLE "bot_conversations" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"tenant_id" text NOT NULL,
	"service_url" text NOT NULL,
	"aad_object_id" text,
	"teams_user_id" text,
	"team_id" text,
	"teams_channel_id" text,
	"forum_id" text,
	"locale" text,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"recipient_id" text NOT NULL,
	"forum_id" text NOT NULL,
	"reminder" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"claim_expires_at" timestamp with time zone,
	"route" text,
	"last_status" integer,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"remote_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bot_conversations_aad_idx" ON "bot_conversations" USING btree ("aad_object_id");--> statement-breakpoint
CREATE INDEX "bot_conversations_channel_idx" ON "bot_conversations" USING btree ("teams_channel_id");--> statement-breakpoint
CREATE INDEX "bot_conversations_team_idx" ON "bot_conversations" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "bot_conversations_forum_idx" ON "bot_conversations" USING btree ("forum_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_key_recipient_uq" ON "reminder_deliveries" USING btree ("key","recipient_id");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_due_idx" ON "reminder_deliveries" USING btree ("state","not_before");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_forum_state_idx" ON "reminder_deliveries" USING btree ("forum_id","state");