CREATE TYPE "public"."point_kind" AS ENUM('paid', 'bonus');--> statement-breakpoint
ALTER TYPE "public"."point_entry_kind" ADD VALUE 'expire';--> statement-breakpoint
CREATE TABLE "point_lot_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "point_lot_draws_lot_id_entry_id_unique" UNIQUE("lot_id","entry_id"),
	CONSTRAINT "point_lot_draws_amount_positive" CHECK ("point_lot_draws"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "point_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"entry_id" uuid,
	"point_kind" "point_kind" NOT NULL,
	"amount" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "point_lots_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "point_lots_amount_positive" CHECK ("point_lots"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "point_lot_draws" ADD CONSTRAINT "point_lot_draws_lot_id_point_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."point_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_lot_draws" ADD CONSTRAINT "point_lot_draws_entry_id_point_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."point_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_lots" ADD CONSTRAINT "point_lots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_lots" ADD CONSTRAINT "point_lots_entry_id_point_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."point_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "point_lot_draws_entry_id_index" ON "point_lot_draws" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "point_lots_entry_id_index" ON "point_lots" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "point_lots_user_id_point_kind_expires_at_index" ON "point_lots" USING btree ("user_id","point_kind","expires_at");--> statement-breakpoint
CREATE INDEX "point_lots_expires_at_index" ON "point_lots" USING btree ("expires_at");--> statement-breakpoint
-- Hand-written: points credited before validity existed were sold without an expiry, so each
-- user's positive balance carries over as one lot per kind that never expires (no entry).
INSERT INTO "point_lots" ("user_id", "point_kind", "amount", "expires_at")
SELECT "id", 'paid'::"point_kind", "paid_balance", NULL::timestamptz FROM "users" WHERE "paid_balance" > 0
UNION ALL
SELECT "id", 'bonus'::"point_kind", "bonus_balance", NULL::timestamptz FROM "users" WHERE "bonus_balance" > 0;
