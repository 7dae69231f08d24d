-- A refund goes back in its payment's currency; existing rows take it from their payment.
ALTER TABLE "refunds" ADD COLUMN "currency" text NOT NULL DEFAULT 'KRW';--> statement-breakpoint
UPDATE "refunds" SET "currency" = "payments"."currency" FROM "payments" WHERE "payments"."id" = "refunds"."payment_id";--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "currency" DROP DEFAULT;
