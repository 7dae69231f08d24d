import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatKst } from "@/app/_components/date-time";
import { findUserForAdmin, isUserId, listAdjustments } from "@/lib/admin/adjustments";
import { autoChargesForAdmin } from "@/lib/admin/auto-charges";
import { ruleEventTitle } from "@/lib/billing/event-text";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatPoints, formatSignedPoints } from "@/lib/format";
import { AdjustForm } from "./adjust-form";

export const metadata: Metadata = { title: "관리자 · 사용자" };

export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  await requireAdminPage(`/admin/users/${encodeURIComponent(userId)}`);
  // An id that is no user's makes the lists empty; the four are read at once.
  if (!isUserId(userId)) notFound();
  const [user, adjustments, autoCharges] = await Promise.all([
    findUserForAdmin(userId),
    listAdjustments(userId),
    autoChargesForAdmin(userId),
  ]);
  if (!user) notFound();

  return (
    <div className="space-y-6">
      <Link href={`/admin?q=${encodeURIComponent(user.email)}`} className="text-sm text-brand-700 underline">
        ← 이 사용자의 결제
      </Link>
      <div className="space-y-1 rounded-xl border border-slate-200 bg-white p-4">
        <h1 className="break-all text-lg font-bold">{user.email}</h1>
        <p className="text-sm text-slate-600">
          {user.name ?? "이름 없음"} · 가입 {formatKst(user.createdAt)}
          {user.isAdmin ? " · 관리자" : ""}
        </p>
        <p className="text-sm" data-testid="admin-user-balance">
          유료 {formatPoints(user.paidBalance)} · 보너스 {formatPoints(user.bonusBalance)}
        </p>
      </div>
      <AdjustForm userId={user.id} />
      <section aria-labelledby="adjustments-heading" className="space-y-3">
        <h2 id="adjustments-heading" className="text-lg font-bold">
          조정 기록
        </h2>
        {adjustments.length === 0 ? (
          <p className="text-sm text-slate-600">조정 기록이 없습니다.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {adjustments.map((adjustment) => (
              <li
                key={adjustment.id}
                className="flex flex-wrap gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
                data-testid="adjustment-row"
              >
                <span className="font-semibold">{formatSignedPoints(adjustment.bonusDelta)}</span>
                <span className="break-all">{adjustment.reason}</span>
                <span className="ml-auto text-xs text-slate-500">
                  {adjustment.adminEmail} · {formatKst(adjustment.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="auto-charge-heading" className="space-y-3">
        <h2 id="auto-charge-heading" className="text-lg font-bold">
          자동 충전
        </h2>
        {autoCharges.rules.length === 0 ? (
          <p className="text-sm text-slate-600">자동 충전 규칙이 없습니다.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
            {autoCharges.rules.map((rule) => (
              <li key={rule.id} className="space-y-1 px-4 py-2.5" data-testid="admin-auto-charge-rule">
                <p className="font-semibold">
                  {rule.kind === "low_balance"
                    ? `잔액 ${formatPoints(rule.threshold ?? 0)} 미만`
                    : `매월 ${rule.dayOfMonth}일`}{" "}
                  · {rule.packageId} · 월 {rule.monthlyLimit}회 · {rule.status}
                  {rule.pausedReason ? ` (${rule.pausedReason})` : ""}
                </p>
                <p className="text-xs text-slate-500">
                  동의 {formatKst(rule.consentedAt, { seconds: true })} · 약관 {rule.consentVersion} · sha256{" "}
                  {rule.consentTextSha256.slice(0, 12)}…
                </p>
              </li>
            ))}
          </ul>
        )}
        {autoCharges.events.length > 0 ? (
          <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
            {autoCharges.events.map((event) => (
              <li
                key={event.id}
                className="flex flex-wrap gap-x-3 gap-y-1 px-4 py-2"
                data-testid="admin-auto-charge-event"
              >
                <span className="font-semibold">{ruleEventTitle(event.type)}</span>
                {event.paymentId ? (
                  <Link href={`/admin/payments/${event.paymentId}`} className="break-all text-brand-700 underline">
                    {event.paymentId}
                  </Link>
                ) : null}
                <span className="ml-auto text-xs text-slate-500">{formatKst(event.createdAt, { seconds: true })}</span>
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
