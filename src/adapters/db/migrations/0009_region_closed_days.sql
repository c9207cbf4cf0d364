CREATE TABLE "region_closed_days" (
	"region" text NOT NULL,
	"date" date NOT NULL,
	"label" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_closed_days_region_date_pk" PRIMARY KEY("region","date")
);
