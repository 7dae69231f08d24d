import { currentSession } from "@/lib/auth";
import { getBalance } from "@/lib/points/balance";
import { BalanceCard } from "./_components/balance-card";
import { LinkButton } from "./_components/link-button";

const PAY_METHODS = [
  { title: "신용·체크카드", text: "국내 모든 카드, 할부 가능" },
  { title: "간편결제", text: "카카오페이 · 네이버페이 · 토스페이" },
  { title: "계좌이체 · 휴대폰", text: "실시간 계좌이체와 휴대폰 결제" },
  { title: "가상계좌", text: "입금이 확인되면 자동으로 적립" },
];

export default async function HomePage() {
  const session = await currentSession();
  const userId = session?.user?.id;

  if (userId) {
    const balance = await getBalance(userId);
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">안녕하세요, {session.user.name ?? session.user.email}님</h1>
        <BalanceCard balance={balance} />
        <div className="flex flex-col gap-2 sm:flex-row">
          <LinkButton href="/charge" large>
            포인트 충전하기
          </LinkButton>
          <LinkButton href="/history" variant="secondary" large>
            충전 내역
          </LinkButton>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-10">
      <section className="space-y-4 text-center sm:text-left">
        <p className="text-sm font-semibold text-brand-700">안전한 포인트 충전</p>
        <h1 className="text-3xl font-extrabold leading-tight tracking-tight sm:text-4xl">
          필요한 만큼 충전하고,
          <br />
          바로 사용하세요.
        </h1>
        <p className="text-slate-600">결제가 확인된 순간 포인트가 한 번만, 정확하게 적립됩니다.</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <LinkButton href="/sign-up" large>
            무료로 가입하기
          </LinkButton>
          <LinkButton href="/sign-in" variant="secondary" large>
            로그인
          </LinkButton>
        </div>
      </section>
      <section aria-labelledby="methods-heading">
        <h2 id="methods-heading" className="mb-3 text-lg font-bold">
          결제 수단
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {PAY_METHODS.map((method) => (
            <li key={method.title} className="rounded-xl border border-slate-200 bg-white p-4">
              <p className="font-semibold">{method.title}</p>
              <p className="text-sm text-slate-600">{method.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
