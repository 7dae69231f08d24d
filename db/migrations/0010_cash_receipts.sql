ALTER TABLE "payments" ADD COLUMN "cash_receipt_request" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cash_receipt" jsonb;