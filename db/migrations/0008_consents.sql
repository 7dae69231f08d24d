CREATE TYPE "public"."consent_context" AS ENUM('sign_up', 'checkout');--> statement-breakpoint
CREATE TYPE "public"."consent_document" AS ENUM('terms', 'privacy', 'refund', 'marketing');--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"document" "consent_document" NOT NULL,
	"version" text NOT NULL,
	"text_sha256" text NOT NULL,
	"agreed" boolean NOT NULL,
	"context" "consent_context" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_user_id_document_created_at_index" ON "consents" USING btree ("user_id","document","created_at");--> statement-breakpoint
-- Consents are evidence: they are added to, never changed or removed.
CREATE FUNCTION "consents_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consents are append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "consents_append_only" BEFORE UPDATE OR DELETE ON "consents"
  FOR EACH ROW EXECUTE FUNCTION "consents_append_only"();
