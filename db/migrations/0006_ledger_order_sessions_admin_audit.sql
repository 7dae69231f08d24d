CREATE TYPE "public"."admin_role_action" AS ENUM('grant', 'revoke');--> statement-breakpoint
CREATE TYPE "public"."refund_origin" AS ENUM('customer', 'outside');--> statement-breakpoint
CREATE TABLE "admin_role_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"action" "admin_role_action" NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "point_entries_user_id_created_at_index";--> statement-breakpoint
ALTER TABLE "point_entries" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
-- Entries written before this migration are numbered in the order the ledger showed them then
-- (created_at, id); this one-time backfill is the only UPDATE the ledger ever sees.
ALTER TABLE "point_entries" ADD COLUMN "seq" bigint;--> statement-breakpoint
UPDATE "point_entries" AS e SET "seq" = o.n FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS n FROM "point_entries") AS o WHERE e."id" = o."id";--> statement-breakpoint
ALTER TABLE "point_entries" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "point_entries" ALTER COLUMN "seq" ADD GENERATED ALWAYS AS IDENTITY (sequence name "point_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
SELECT setval('point_entries_seq_seq', (SELECT coalesce(max("seq"), 0) + 1 FROM "point_entries"), false);--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "origin" "refund_origin" DEFAULT 'customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "admin_role_changes" ADD CONSTRAINT "admin_role_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_role_changes_user_id_created_at_index" ON "admin_role_changes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "point_entries_user_id_seq_index" ON "point_entries" USING btree ("user_id","seq");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_ip_address_attempted_at_index" ON "sign_in_attempts" USING btree ("email","ip_address","attempted_at");--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_seq_unique" UNIQUE("seq");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_cancellation_id_unique" UNIQUE("cancellation_id");--> statement-breakpoint
-- Cancellations made outside the app before this migration become refund rows of origin
-- 'outside'. Their ledger entry gives the points; the won amount follows from the payment's
-- price per paid point (exact: every package grants one paid point per won).
INSERT INTO "refunds" ("payment_id", "user_id", "amount", "paid_points", "bonus_points", "status", "origin", "cancellation_id", "created_at", "updated_at")
SELECT p."id", e."user_id", round(-e."paid_delta"::numeric * p."amount" / nullif(p."paid_points", 0))::int, -e."paid_delta", -e."bonus_delta", 'COMPLETED', 'outside', e."reference", e."created_at", e."created_at"
FROM "point_entries" AS e JOIN "payments" AS p ON e."memo" = '결제 취소 ' || p."id"
WHERE e."kind" = 'external_cancel';
