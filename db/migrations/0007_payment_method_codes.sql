-- Payment methods are stored as PortOne's codes (method_details) instead of Korean text
-- (method_summary); the screens name the codes. Existing rows are read back from the text the old
-- code wrote: "<card name or publisher code> · 일시불|N개월 할부", "계좌이체 · <bank>", "가상계좌 · <bank>",
-- an easy-pay provider's name or code, "휴대폰 결제", "기타 결제". A name was the label of a code, the
-- code itself when it had no label, or a placeholder when PortOne sent none (카드, 은행, 간편결제).
-- Text that fits none of these (a card's product name) is kept whole as LEGACY_SUMMARY, so no screen
-- loses what it showed. The labels are those of the old code, with SC제일은행, 새마을금고 and 신협
-- mapped to PortOne's real codes (STANDARD_CHARTERED, KFCC, SHINHYUP).
CREATE TEMPORARY TABLE "legacy_method_labels" ("kind" text NOT NULL, "label" text NOT NULL, "code" text);
--> statement-breakpoint
INSERT INTO "legacy_method_labels" ("kind", "label", "code") VALUES
  ('card', '카드', NULL), ('bank', '은행', NULL), ('easy_pay', '간편결제', NULL),
  ('bank', 'KB국민은행', 'KOOKMIN'), ('bank', '신한은행', 'SHINHAN'), ('bank', '우리은행', 'WOORI'), ('bank', '하나은행', 'HANA'),
  ('bank', 'NH농협은행', 'NONGHYUP'), ('bank', '지역농축협', 'LOCAL_NONGHYUP'), ('bank', 'IBK기업은행', 'IBK'), ('bank', '카카오뱅크', 'KAKAO'),
  ('bank', '토스뱅크', 'TOSS'), ('bank', '케이뱅크', 'K_BANK'), ('bank', 'SC제일은행', 'STANDARD_CHARTERED'), ('bank', '한국씨티은행', 'CITI'),
  ('bank', '부산은행', 'BUSAN'), ('bank', 'iM뱅크', 'DAEGU'), ('bank', '경남은행', 'KYONGNAM'), ('bank', '광주은행', 'KWANGJU'),
  ('bank', '전북은행', 'JEONBUK'), ('bank', '제주은행', 'JEJU'), ('bank', '우체국', 'POST'), ('bank', '새마을금고', 'KFCC'),
  ('bank', '신협', 'SHINHYUP'), ('bank', '수협은행', 'SUHYUP'), ('bank', 'KDB산업은행', 'KDB'),
  ('card', '신한카드', 'SHINHAN_CARD'), ('card', 'KB국민카드', 'KOOKMIN_CARD'), ('card', '삼성카드', 'SAMSUNG_CARD'),
  ('card', '현대카드', 'HYUNDAI_CARD'), ('card', '롯데카드', 'LOTTE_CARD'), ('card', 'BC카드', 'BC_CARD'), ('card', '하나카드', 'HANA_CARD'),
  ('card', '우리카드', 'WOORI_CARD'), ('card', 'NH농협카드', 'NH_CARD'), ('card', '씨티카드', 'CITI_CARD'), ('card', '수협카드', 'SUHYUP_CARD'),
  ('card', '전북카드', 'JEONBUK_CARD'), ('card', '광주카드', 'GWANGJU_CARD'), ('card', '제주카드', 'JEJU_CARD'),
  ('card', '카카오뱅크', 'KAKAO_BANK'), ('card', '케이뱅크', 'K_BANK'), ('card', '토스뱅크', 'TOSS_BANK'),
  ('easy_pay', '카카오페이', 'KAKAOPAY'), ('easy_pay', '네이버페이', 'NAVERPAY'), ('easy_pay', '토스페이', 'TOSSPAY'),
  ('easy_pay', '페이코', 'PAYCO'), ('easy_pay', '삼성페이', 'SAMSUNGPAY');
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method_details" jsonb;--> statement-breakpoint
UPDATE "payments" AS p SET "method_details" = CASE
    WHEN f."type" IN ('MOBILE', 'OTHER') THEN jsonb_build_object('type', f."type")
    WHEN l."label" IS NULL AND f."name" !~ '^[A-Z0-9_]+$' THEN jsonb_build_object('type', 'LEGACY_SUMMARY', 'summary', p."method_summary")
    ELSE jsonb_strip_nulls(jsonb_build_object('type', f."type", f."key", CASE WHEN l."label" IS NULL THEN f."name" ELSE l."code" END))
      || CASE WHEN f."type" = 'CARD' THEN jsonb_build_object('installmentMonths', f."months") ELSE '{}'::jsonb END
  END
FROM (
  SELECT "id", "type", "name", "months",
    CASE "type" WHEN 'CARD' THEN 'card' WHEN 'EASY_PAY' THEN 'easy_pay' ELSE 'bank' END AS "kind",
    CASE "type" WHEN 'CARD' THEN 'publisher' WHEN 'EASY_PAY' THEN 'provider' ELSE 'bank' END AS "key"
  FROM (
    SELECT "id",
      CASE
        WHEN "card" IS NOT NULL THEN 'CARD'
        WHEN "account" IS NOT NULL THEN CASE "account"[1] WHEN '계좌이체' THEN 'TRANSFER' ELSE 'VIRTUAL_ACCOUNT' END
        WHEN "method_summary" = '휴대폰 결제' THEN 'MOBILE'
        WHEN "method_summary" = '기타 결제' THEN 'OTHER'
        ELSE 'EASY_PAY'
      END AS "type",
      coalesce("card"[1], "account"[2], "method_summary") AS "name",
      coalesce("card"[2]::int, 0) AS "months"
    FROM (
      SELECT "id", "method_summary",
        regexp_match("method_summary", '^(.*) · (?:일시불|([0-9]+)개월 할부)$') AS "card",
        regexp_match("method_summary", '^(계좌이체|가상계좌) · (.*)$') AS "account"
      FROM "payments"
      WHERE "method_summary" IS NOT NULL
    ) AS matched
  ) AS forms
) AS f
LEFT JOIN "legacy_method_labels" AS l ON l."kind" = f."kind" AND l."label" = f."name"
WHERE p."id" = f."id";--> statement-breakpoint
-- A virtual account's bank label becomes its code; 은행 (PortOne named no bank) drops the key; a code stays.
UPDATE "payments" AS p
SET "virtual_account" = (p."virtual_account" - 'bank')
  || CASE WHEN l."code" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('bank', l."code") END
FROM "legacy_method_labels" AS l
WHERE l."kind" = 'bank' AND l."label" = p."virtual_account"->>'bank';--> statement-breakpoint
DROP TABLE "legacy_method_labels";--> statement-breakpoint
ALTER TABLE "payments" DROP COLUMN "method_summary";