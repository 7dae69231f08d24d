CREATE TYPE "public"."auto_charge_kind" AS ENUM('low_balance', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."auto_charge_status" AS ENUM('ACTIVE', 'PAUSED', 'STOPPED');--> statement-breakpoint
CREATE TYPE "public"."payment_method_status" AS ENUM('PENDING', 'ACTIVE', 'REMOVED', 'FAILED');--> statement-breakpoint
CREATE TABLE "auto_charge_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payment_id" text,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auto_charge_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "auto_charge_kind" NOT NULL,
	"payment_method_id" uuid NOT NULL,
	"package_id" text NOT NULL,
	"threshold" integer,
	"day_of_month" integer,
	"monthly_limit" integer NOT NULL,
	"status" "auto_charge_status" DEFAULT 'ACTIVE' NOT NULL,
	"paused_reason" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"consent_version" text NOT NULL,
	"consent_text" text NOT NULL,
	"consent_text_sha256" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_charge_rules_threshold" CHECK ("auto_charge_rules"."kind" <> 'low_balance' or "auto_charge_rules"."threshold" > 0),
	CONSTRAINT "auto_charge_rules_day" CHECK ("auto_charge_rules"."kind" <> 'monthly' or "auto_charge_rules"."day_of_month" between 1 and 28),
	CONSTRAINT "auto_charge_rules_limit" CHECK ("auto_charge_rules"."monthly_limit" between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"issue_id" text NOT NULL,
	"billing_key" text,
	"status" "payment_method_status" DEFAULT 'PENDING' NOT NULL,
	"card_name" text,
	"card_number" text,
	"activated_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_methods_issue_id_unique" UNIQUE("issue_id"),
	CONSTRAINT "payment_methods_billing_key_unique" UNIQUE("billing_key")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "auto_charge_rule_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "charge_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "charge_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "schedule_id" text;--> statement-breakpoint
ALTER TABLE "auto_charge_events" ADD CONSTRAINT "auto_charge_events_rule_id_auto_charge_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."auto_charge_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_charge_events" ADD CONSTRAINT "auto_charge_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_charge_rules" ADD CONSTRAINT "auto_charge_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_charge_rules" ADD CONSTRAINT "auto_charge_rules_payment_method_id_payment_methods_id_fk" FOREIGN KEY ("payment_method_id") REFERENCES "public"."payment_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auto_charge_events_rule_id_created_at_index" ON "auto_charge_events" USING btree ("rule_id","created_at");--> statement-breakpoint
CREATE INDEX "auto_charge_events_user_id_created_at_index" ON "auto_charge_events" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "auto_charge_events_one_outcome" ON "auto_charge_events" USING btree ("payment_id") WHERE "auto_charge_events"."type" in ('succeeded', 'failed');--> statement-breakpoint
CREATE UNIQUE INDEX "auto_charge_rules_one_live_per_kind" ON "auto_charge_rules" USING btree ("user_id","kind") WHERE "auto_charge_rules"."status" <> 'STOPPED';--> statement-breakpoint
CREATE INDEX "auto_charge_rules_status_retry_at_index" ON "auto_charge_rules" USING btree ("status","retry_at");--> statement-breakpoint
CREATE INDEX "payment_methods_user_id_status_index" ON "payment_methods" USING btree ("user_id","status");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_auto_charge_rule_id_auto_charge_rules_id_fk" FOREIGN KEY ("auto_charge_rule_id") REFERENCES "public"."auto_charge_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_open_auto_charge" ON "payments" USING btree ("auto_charge_rule_id") WHERE "payments"."status" = 'PENDING' and "payments"."auto_charge_rule_id" is not null;--> statement-breakpoint
-- Attempts and rule changes are evidence of what was charged and agreed: added to, never changed.
CREATE FUNCTION "auto_charge_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'auto_charge_events are append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "auto_charge_events_append_only" BEFORE UPDATE OR DELETE ON "auto_charge_events"
  FOR EACH ROW EXECUTE FUNCTION "auto_charge_events_append_only"();
