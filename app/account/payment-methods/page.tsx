import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { configuredBillingOptions, listPaymentMethods } from "@/lib/billing/payment-methods";
import { listLiveRules } from "@/lib/billing/rules";
import { paymentMethodLabel } from "@/lib/billing/rule-text";
import { env } from "@/lib/env";
import { getBalance } from "@/lib/points/balance";
import { formatKst } from "@/app/_components/date-time";
import { LowBalanceRuleForm } from "./low-balance-rule-form";
import { MonthlyRuleForm } from "./monthly-rule-form";
import { RegisterMethodButtons } from "./register-method-buttons";
import { RemoveMethodForm } from "./remove-method-form";
import { RuleCard } from "./rule-card";

export const metadata: Metadata = { title: "결제 수단 · 자동 충전" };

export default async function PaymentMethodsPage() {
  const userId = await requireUserId("/account/payment-methods");
  const options = configuredBillingOptions().map(({ id, label }) => ({ id, label }));
  if (options.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">결제 수단 · 자동 충전</h1>
        <p className="text-slate-700">이 서비스에서는 아직 결제 수단 등록과 자동 충전을 제공하지 않습니다.</p>
      </div>
    );
  }
  const [methods, rules, balance] = await Promise.all([
    listPaymentMethods(userId),
    listLiveRules(userId),
    getBalance(userId),
  ]);
  const choices = methods.map((method) => ({ id: method.id, label: paymentMethodLabel(method) }));
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

      <section aria-labelledby="methods-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="methods-heading" className="text-lg font-bold">
            등록한 결제 수단
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            자동 충전에 쓸 {options.map((option) => option.label).join(" · ")}를 등록합니다.{" "}
            {options.some((option) => option.id !== "card")
              ? "카드 번호와 간편결제 계정은 PortOne과 카드사·간편결제사에만 전달되고 이 서비스에는 저장되지 않습니다."
              : "카드 번호는 PortOne과 카드사에만 전달되고 이 서비스에는 저장되지 않습니다."}
          </p>
        </div>
        {choices.length === 0 ? (
          <p className="text-sm text-slate-700">등록한 결제 수단이 없습니다.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="등록한 결제 수단">
            {methods.map((method) => (
              <li key={method.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">{paymentMethodLabel(method)}</p>
                  <p className="text-xs text-slate-600">
                    {method.activatedAt ? `${formatKst(method.activatedAt)} 등록` : null}
                  </p>
                </div>
                <RemoveMethodForm paymentMethodId={method.id} label={paymentMethodLabel(method)} />
              </li>
            ))}
          </ul>
        )}
        <RegisterMethodButtons options={options} portoneScriptUrl={env.NEXT_PUBLIC_PORTONE_SDK_URL} />
      </section>

      <section aria-labelledby="auto-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="auto-heading" className="text-lg font-bold">
            자동 충전
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            포인트를 쓰다 잔액이 정한 기준보다 적어지면, 또는 매월 정한 날에 등록한 결제 수단으로 정한 상품을 결제해
            충전합니다.
          </p>
        </div>
        {choices.length === 0 && rules.length === 0 ? (
          <p className="text-sm text-slate-700">자동 충전을 쓰려면 먼저 결제 수단을 등록해 주세요.</p>
        ) : (
          <div className="space-y-6">
            {lowBalanceRule ? (
              <RuleCard rule={lowBalanceRule} balance={balance.total} />
            ) : choices.length > 0 ? (
              <LowBalanceRuleForm methods={choices} />
            ) : null}
            {monthlyRule ? (
              <RuleCard rule={monthlyRule} balance={balance.total} />
            ) : choices.length > 0 ? (
              <MonthlyRuleForm methods={choices} />
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
}
