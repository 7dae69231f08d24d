import type { Metadata } from "next";
import { requireUserId } from "@/lib/auth/session";
import { findProfile } from "@/lib/auth/users";
import { getBalance } from "@/lib/points/balance";
import { listLiveRules } from "@/lib/billing/rules";
import { LinkButton } from "../_components/link-button";
import { BalanceCard } from "../_components/balance-card";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "내 계정" };

export default async function AccountPage() {
  const userId = await requireUserId("/account");
  const [user, balance, rules] = await Promise.all([findProfile(userId), getBalance(userId), listLiveRules(userId)]);
  const paused = rules.some((rule) => rule.status === "PAUSED");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">내 계정</h1>
      <BalanceCard balance={balance} />
      <section aria-labelledby="profile-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="profile-heading" className="text-lg font-bold">
          프로필
        </h2>
        <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600">이름</dt>
          <dd>{user?.name ?? "-"}</dd>
          <dt className="text-slate-600">이메일</dt>
          <dd className="break-all">{user?.email}</dd>
          <dt className="text-slate-600">가입일</dt>
          <dd>
            {user
              ? new Intl.DateTimeFormat("ko-KR", { dateStyle: "long", timeZone: "Asia/Seoul" }).format(user.createdAt)
              : "-"}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="methods-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="methods-heading" className="text-lg font-bold">
          결제 수단 · 자동 충전
        </h2>
        {paused ? (
          <p
            role="alert"
            className="mt-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            자동 충전이 멈췄습니다. 결제 수단 페이지에서 이유를 확인해 주세요.
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-600">
            {rules.length > 0
              ? "자동 충전을 사용하고 있습니다."
              : "카드나 간편결제를 등록하면 잔액이 부족할 때 자동으로 충전할 수 있습니다."}
          </p>
        )}
        <div className="mt-4">
          <LinkButton href="/account/payment-methods" variant="secondary">
            결제 수단 관리
          </LinkButton>
        </div>
      </section>
      <section aria-labelledby="sessions-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="sessions-heading" className="text-lg font-bold">
          로그인 세션
        </h2>
        <p className="mt-1 text-sm text-slate-600">다른 기기나 브라우저에 남은 로그인까지 모두 끝냅니다.</p>
        <form action={signOutEverywhereAction} className="mt-4">
          <button
            type="submit"
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            모든 기기에서 로그아웃
          </button>
        </form>
      </section>
    </div>
  );
}
