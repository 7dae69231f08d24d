import { describe, expect, it } from "vitest";
import { domainSuite, newUser } from "../support/domain";

domainSuite();

async function pendingCharge(email: string): Promise<string> {
  const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
  const checkout = await createCheckout({
    userId: await newUser(email),
    packageId: "points-10000",
    payOptionId: "card",
    customer: { name: "테스트", email: null },
  });
  if (!checkout.ok) throw new Error(`checkout refused: ${checkout.code}`);
  return checkout.checkout.paymentId;
}

describe("the admin's payment search", () => {
  it("finds by id prefix (any case) or any part of the e-mail, each payment once, newest first", async () => {
    const { searchPayments } = await import("@/lib/admin/payments");
    const older = await pendingCharge("search-kim@shop.example");
    const newer = await pendingCharge("search-lee@shop.example");
    const both = await pendingCharge("pc-fan@shop.example");

    const byEmail = await searchPayments("@SHOP.example", undefined);
    expect(byEmail.map((row) => row.id)).toEqual([both, newer, older]);
    expect(byEmail[1]).toMatchObject({ email: "search-lee@shop.example", status: "PENDING", amount: 10_000 });
    // Matched by its id and by its payer's e-mail: listed once.
    const byBoth = await searchPayments("pc-", undefined);
    expect(byBoth.map((row) => row.id)).toEqual([both, newer, older]);

    expect((await searchPayments(older.slice(0, 12).toUpperCase(), undefined)).map((row) => row.id)).toContain(older);
    expect((await searchPayments(older, undefined)).map((row) => row.id)).toEqual([older]);
    expect(await searchPayments("search-kim", "PAID")).toEqual([]);
    expect((await searchPayments("", undefined)).map((row) => row.id)).toEqual([both, newer, older]);
    // LIKE's own characters are text, not patterns.
    expect(await searchPayments("%", undefined)).toEqual([]);
  });
});
