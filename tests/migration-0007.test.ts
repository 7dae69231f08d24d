import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../db/migrate";
import type { PaymentMethodDetails, VirtualAccountDetails } from "../db/schema";
import { formatPaymentMethod } from "../lib/portone/labels";
import { migrationsUpTo } from "./support/migrations";
import { createScratchDatabase } from "./support/postgres";

// Every form the old adapter wrote into method_summary, and the codes each must become.
const SUMMARIES: [summary: string, details: PaymentMethodDetails][] = [
  ["신한카드 · 일시불", { type: "CARD", publisher: "SHINHAN_CARD", installmentMonths: 0 }],
  ["KB국민카드 · 3개월 할부", { type: "CARD", publisher: "KOOKMIN_CARD", installmentMonths: 3 }],
  ["카드 · 일시불", { type: "CARD", installmentMonths: 0 }],
  ["NEW_CARD · 12개월 할부", { type: "CARD", publisher: "NEW_CARD", installmentMonths: 12 }],
  ["카카오페이", { type: "EASY_PAY", provider: "KAKAOPAY" }],
  ["간편결제", { type: "EASY_PAY" }],
  ["SSGPAY", { type: "EASY_PAY", provider: "SSGPAY" }],
  ["계좌이체 · KB국민은행", { type: "TRANSFER", bank: "KOOKMIN" }],
  ["계좌이체 · SC제일은행", { type: "TRANSFER", bank: "STANDARD_CHARTERED" }],
  ["계좌이체 · 은행", { type: "TRANSFER" }],
  ["가상계좌 · 하나은행", { type: "VIRTUAL_ACCOUNT", bank: "HANA" }],
  ["가상계좌 · 은행", { type: "VIRTUAL_ACCOUNT" }],
  ["휴대폰 결제", { type: "MOBILE" }],
  ["기타 결제", { type: "OTHER" }],
  // A card's product name (PortOne's card.name) names no code: kept as it was shown.
  ["신한 Deep Dream · 2개월 할부", { type: "LEGACY_SUMMARY", summary: "신한 Deep Dream · 2개월 할부" }],
  ["포인트 결제", { type: "LEGACY_SUMMARY", summary: "포인트 결제" }],
];

const ACCOUNTS: [before: object, after: VirtualAccountDetails][] = [
  [
    { bank: "하나은행", accountNumber: "1234", holder: "포인트", dueAt: "2026-11-01T14:59:59Z" },
    { bank: "HANA", accountNumber: "1234", holder: "포인트", dueAt: "2026-11-01T14:59:59Z" },
  ],
  [
    { bank: "은행", accountNumber: "5678", holder: "", dueAt: null },
    { accountNumber: "5678", holder: "", dueAt: null },
  ],
  [
    { bank: "BANK_OF_KOREA", accountNumber: "9012", holder: "포인트", dueAt: null },
    { bank: "BANK_OF_KOREA", accountNumber: "9012", holder: "포인트", dueAt: null },
  ],
];

describe("migration 0007 on payments recorded with Korean method labels", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    database = await createScratchDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("turns method summaries and virtual-account banks into PortOne's codes, showing the same text", async () => {
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(sql), { migrationsFolder: await migrationsUpTo(6) });
      const [user] = await sql<{ id: string }[]>`insert into users (email) values ('old@example.com') returning id`;
      const payment = (id: string, summary: string | null, account: object | null) =>
        sql`insert into payments (id, user_id, package_id, order_name, amount, currency, paid_points, bonus_points, pay_option, channel_key,
          method_summary, virtual_account) values (${id}, ${user!.id}, 'points-10000', '포인트', 10000, 'KRW', 10000, 0, 'card', 'channel-key',
          ${summary}, ${account ? JSON.stringify(account) : null}::jsonb)`;
      for (const [index, [summary]] of SUMMARIES.entries()) await payment(`pay-${index}`, summary, null);
      for (const [index, [account]] of ACCOUNTS.entries()) await payment(`va-${index}`, "가상계좌 · 은행", account);
      await payment("pay-none", null, null);

      await migrateDatabase(database.url);

      const rows = await sql<
        { id: string; method_details: PaymentMethodDetails | null; virtual_account: VirtualAccountDetails | null }[]
      >`
        select id, method_details, virtual_account from payments`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const [index, [summary, details]] of SUMMARIES.entries()) {
        expect(byId.get(`pay-${index}`)?.method_details, summary).toEqual(details);
        expect(formatPaymentMethod(details)).toBe(summary);
      }
      for (const [index, [, account]] of ACCOUNTS.entries())
        expect(byId.get(`va-${index}`)?.virtual_account).toEqual(account);
      expect(byId.get("pay-none")?.method_details).toBeNull();
      const columns =
        await sql`select 1 from information_schema.columns where table_name = 'payments' and column_name = 'method_summary'`;
      expect(columns).toHaveLength(0);
    } finally {
      await sql.end();
    }
  });
});
