import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { billingConfigured, listPaymentMethods } from "@/lib/billing/payment-methods";
import { listLiveRules } from "@/lib/billing/rules";
import { cardLabel } from "@/lib/billing/rule-text";
import { env } from "@/lib/env";
import { getBalance } from "@/lib/points/balance";
import { formatKst } from "@/app/_components/date-time";
import { LowBalanceRuleForm } from "./low-balance-rule-form";
import { MonthlyRuleForm } from "./monthly-rule-form";
import { RegisterCardButton } from "./register-card-button";
import { RemoveCardForm } from "./remove-card-form";
import { RuleCard } from "./rule-card";

export const metadata: Metadata = { title: "결제 수단 · 자동 충전" };

export default async function PaymentMethodsPage() {
  const userId = await requireUserId("/account/payment-methods");
  if (!billingConfigured()) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">결제 수단 · 자동 충전</h1>
        <p className="text-slate-700">이 서비스에서는 아직 카드 등록과 자동 충전을 제공하지 않습니다.</p>
      </div>
    );
  }
  const [methods, rules, balance] = await Promise.all([
    listPaymentMethods(userId),
    listLiveRules(userId),
    getBalance(userId),
  ]);
  const cards = methods.map((method) => ({ id: method.id, label: cardLabel(method) }));
  const lowBalanceRule = rules.find((rule) => rule.kind === "low_balance");
  const monthlyRule = rules.find((rule) => rule.kind === "monthly");

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/account" className="text-brand-700 underline">
            내 계정
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">결제 수단 · 자동 충전</h1>
      </div>

      <section aria-labelledby="cards-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="cards-heading" className="text-lg font-bold">
            등록한 카드
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            자동 충전에 쓸 카드를 등록합니다. 카드 번호는 PortOne과 카드사에만 전달되고 이 서비스에는 저장되지 않습니다.
          </p>
        </div>
        {cards.length === 0 ? (
          <p className="text-sm text-slate-700">등록한 카드가 없습니다.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="등록한 카드">
            {methods.map((method) => (
              <li key={method.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">{cardLabel(method)}</p>
                  <p className="text-xs text-slate-600">
                    {method.activatedAt ? `${formatKst(method.activatedAt)} 등록` : null}
                  </p>
                </div>
                <RemoveCardForm paymentMethodId={method.id} label={cardLabel(method)} />
              </li>
            ))}
          </ul>
        )}
        <RegisterCardButton portoneScriptUrl={env.NEXT_PUBLIC_PORTONE_SDK_URL} />
      </section>

      <section aria-labelledby="auto-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="auto-heading" className="text-lg font-bold">
            자동 충전
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            포인트를 쓰다 잔액이 정한 기준보다 적어지면, 또는 매월 정한 날에 등록한 카드로 정한 상품을 결제해
            충전합니다.
          </p>
        </div>
        {cards.length === 0 && rules.length === 0 ? (
          <p className="text-sm text-slate-700">자동 충전을 쓰려면 먼저 카드를 등록해 주세요.</p>
        ) : (
          <div className="space-y-6">
            {lowBalanceRule ? (
              <RuleCard rule={lowBalanceRule} balance={balance.total} />
            ) : cards.length > 0 ? (
              <LowBalanceRuleForm cards={cards} />
            ) : null}
            {monthlyRule ? (
              <RuleCard rule={monthlyRule} balance={balance.total} />
            ) : cards.length > 0 ? (
              <MonthlyRuleForm cards={cards} />
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
}
