import type { BillingOptionId } from "@/lib/billing/billing-options";
import type { domainSuite } from "./domain";

type Suite = ReturnType<typeof domainSuite>;

/**
 * A payment method registered the way the page does it: the app writes the pending row and builds
 * the request, PortOne's window is answered over HTTP (a phone's redirect, so the key comes back in
 * the address), and the app checks the key with PortOne. `fields`: the tester's choices in the
 * window (cardCompany, easyPayMethod); `tamper`: changes a hostile browser makes to the request.
 */
export async function registerPaymentMethod(
  suite: Suite,
  userId: string,
  {
    method = "card",
    fields = {},
    tamper = (request) => request,
  }: {
    method?: BillingOptionId;
    fields?: Record<string, string>;
    tamper?: (request: Record<string, unknown>) => Record<string, unknown>;
  } = {},
) {
  const { startPaymentMethodRegistration, syncBillingKey } = await import("@/lib/billing/payment-methods");
  const started = await startPaymentMethodRegistration({ id: userId, name: "테스트", email: null }, method);
  if (!started.ok) throw new Error(`registration refused: ${started.code}`);
  const opened = await fetch(`${suite.emulator.url}/checkout-api/billing-keys`, {
    method: "POST",
    body: JSON.stringify({
      request: tamper({ ...started.request }),
      mode: "REDIRECTION",
      parentOrigin: "http://localhost:3000",
      pageUrl: "http://localhost:3000/account/payment-methods",
    }),
  });
  const { txId } = (await opened.json()) as { txId?: string };
  if (!opened.ok || !txId) throw new Error(`PortOne's window refused the request (${opened.status})`);
  const answered = await fetch(`${suite.emulator.url}/checkout/${txId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome: "approve", ...fields }).toString(),
    redirect: "manual",
  });
  const billingKey = new URL(answered.headers.get("location") ?? "http://x/").searchParams.get("billingKey");
  if (!billingKey) throw new Error(`PortOne's window issued no key (${answered.status})`);
  return { billingKey, synced: await syncBillingKey(billingKey, userId) };
}

/** A card registered the way the page does it, and accepted by the app. */
export async function registerCard(
  suite: Suite,
  userId: string,
  { cardCompany }: { cardCompany?: string } = {},
): Promise<{ paymentMethodId: string; billingKey: string }> {
  const { billingKey, synced } = await registerPaymentMethod(suite, userId, {
    fields: cardCompany ? { cardCompany } : {},
  });
  if (!synced.ok) throw new Error(`the app refused the key: ${synced.code}`);
  return { paymentMethodId: synced.paymentMethodId, billingKey };
}

/** A low-balance rule the user agreed to on the page. */
export async function lowBalanceRule(
  userId: string,
  paymentMethodId: string,
  options: { threshold?: number; packageId?: string; monthlyLimit?: number; locale?: "ko" | "en" } = {},
): Promise<string> {
  const { createRule } = await import("@/lib/billing/rules");
  const { AUTO_CHARGE_TERMS_VERSION } = await import("@/lib/billing/rule-text");
  const created = await createRule({
    kind: "low_balance",
    userId,
    paymentMethodId,
    packageId: options.packageId ?? "points-5000",
    threshold: options.threshold ?? 5_000,
    monthlyLimit: options.monthlyLimit ?? 3,
    agreedVersion: AUTO_CHARGE_TERMS_VERSION,
    locale: options.locale ?? "ko",
  });
  if (!created.ok) throw new Error(`rule refused: ${created.code}`);
  return created.ruleId;
}

/** A monthly rule the user agreed to on the page. */
export async function monthlyRule(
  userId: string,
  paymentMethodId: string,
  { dayOfMonth = 15, packageId = "points-10000" }: { dayOfMonth?: number; packageId?: string } = {},
): Promise<string> {
  const { createRule } = await import("@/lib/billing/rules");
  const { AUTO_CHARGE_TERMS_VERSION } = await import("@/lib/billing/rule-text");
  const created = await createRule({
    kind: "monthly",
    userId,
    paymentMethodId,
    packageId,
    dayOfMonth,
    agreedVersion: AUTO_CHARGE_TERMS_VERSION,
    locale: "ko",
  });
  if (!created.ok) throw new Error(`rule refused: ${created.code}`);
  return created.ruleId;
}

/** The rule as stored, and its timeline's event types in order. */
export async function ruleState(ruleId: string) {
  const { db } = await import("@/db");
  const { autoChargeEvents, autoChargeRules } = await import("@/db/schema");
  const { asc, eq } = await import("drizzle-orm");
  const [rule] = await db.select().from(autoChargeRules).where(eq(autoChargeRules.id, ruleId));
  const events = await db
    .select({ type: autoChargeEvents.type, paymentId: autoChargeEvents.paymentId })
    .from(autoChargeEvents)
    .where(eq(autoChargeEvents.ruleId, ruleId))
    .orderBy(asc(autoChargeEvents.createdAt));
  return { rule: rule!, events: events.map((event) => event.type), eventRows: events };
}

/** The automatic charges of a rule, oldest first. */
export async function autoChargesOf(ruleId: string) {
  const { db } = await import("@/db");
  const { payments } = await import("@/db/schema");
  const { asc, eq } = await import("drizzle-orm");
  return db
    .select({ id: payments.id, status: payments.status, amount: payments.amount })
    .from(payments)
    .where(eq(payments.autoChargeRuleId, ruleId))
    .orderBy(asc(payments.createdAt));
}
