CREATE TABLE "graph_notification_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graph_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"mailbox" text NOT NULL,
	"client_state" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_delta_cursors" (
	"mailbox" text PRIMARY KEY NOT NULL,
	"cursor" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"kind" text NOT NULL,
	"local_id" text NOT NULL,
	"forum_id" text,
	"remote_id" text,
	"container" text,
	"etag" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_synced_at" timestamp with time zone,
	"detail" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_state_kind_local_id_pk" PRIMARY KEY("kind","local_id")
);
--> statement-breakpoint
CREATE INDEX "sync_state_forum_idx" ON "sync_state" USING btree ("forum_id");--> statement-breakpoint
CREATE INDEX "sync_state_remote_idx" ON "sync_state" USING btree ("kind","remote_id");