ALTER TABLE "payments" ADD COLUMN "page_checks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "page_checked_at" timestamp with time zone;