import type { Metadata } from "next";
import Link from "next/link";
import { formatKst } from "@/app/_components/date-time";
import { recentMail, type MailState } from "@/lib/admin/mail-outbox";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "관리자 · 메일 발송함" };

const STATE_TEXT: Record<MailState, { label: string; className: string }> = {
  sent: { label: "발송 완료", className: "bg-emerald-100 text-emerald-800" },
  pending: { label: "발송 대기", className: "bg-amber-100 text-amber-900" },
  failed: { label: "발송 실패", className: "bg-red-100 text-red-800" },
};

export default async function AdminMailPage() {
  await requireAdminPage("/admin/mail");
  const mail = await recentMail();

  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-brand-700 underline">
        ← 결제 검색
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">관리자 · 메일 발송함</h1>
      <p className="text-sm text-slate-600">
        영수증과 안내 메일을 최근 것부터 보여 줍니다. 대기 중인 메일은 자동으로 다시 보내고, 대사 작업도 남은 메일을
        보냅니다.
      </p>
      {mail.length === 0 ? (
        <p className="text-slate-600">보낸 메일이 없습니다.</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white"
          aria-label="메일 목록"
        >
          {mail.map((message) => (
            <li key={message.id} className="space-y-1 px-4 py-3" data-testid="admin-mail-row">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span
                  className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATE_TEXT[message.state].className}`}
                >
                  {STATE_TEXT[message.state].label}
                </span>
                <span className="font-semibold">{message.subject}</span>
                <time className="ml-auto text-xs text-slate-500" dateTime={message.createdAt.toISOString()}>
                  {formatKst(message.createdAt)}
                </time>
              </div>
              <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                <span className="break-all">받는 사람 {message.recipient}</span>
                <span>시도 {message.attempts}회</span>
                {message.sentAt ? <span>발송 {formatKst(message.sentAt)}</span> : null}
                {message.state === "pending" && message.nextAttemptAt && message.attempts > 0 ? (
                  <span>다음 시도 {formatKst(message.nextAttemptAt)}</span>
                ) : null}
              </p>
              {message.lastError && !message.sentAt ? (
                <p className="break-all text-xs text-red-700">마지막 오류: {message.lastError}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
