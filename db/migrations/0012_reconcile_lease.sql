CREATE TABLE "maintenance_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"lease_holder" text,
	"lease_until" timestamp with time zone,
	"ledger_unchecked_from" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "point_entries_created_at_index" ON "point_entries" USING btree ("created_at");