import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatKst } from "@/app/_components/date-time";
import { findUserForAdmin, listAdjustments } from "@/lib/admin/adjustments";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatPoints, formatSignedPoints } from "@/lib/format";
import { AdjustForm } from "./adjust-form";

export const metadata: Metadata = { title: "관리자 · 사용자" };

export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  await requireAdminPage(`/admin/users/${encodeURIComponent(userId)}`);
  const user = await findUserForAdmin(userId);
  if (!user) notFound();
  const adjustments = await listAdjustments(user.id);

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
    </div>
  );
}
