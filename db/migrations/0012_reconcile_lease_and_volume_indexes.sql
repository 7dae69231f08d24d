CREATE TABLE "maintenance_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"lease_holder" text,
	"lease_until" timestamp with time zone,
	"ledger_unchecked_from" timestamp with time zone,
	"ledger_violators" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payments_created_at_id_index" ON "payments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_id_pattern_index" ON "payments" USING btree ("id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_entries_created_at_index" ON "point_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_payment_id_index" ON "webhook_events" USING btree ("payment_id");