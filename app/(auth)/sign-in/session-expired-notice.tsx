/** Why a visitor who was signed in finds the sign-in page, and where signing in takes them back to. */
export function SessionExpiredNotice({ callbackUrl }: { callbackUrl: string }) {
  const payment = /^\/(charge|payments)(\/|\?|$)/.test(callbackUrl);
  return (
    <p
      role="status"
      data-testid="session-expired"
      className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      로그인이 만료되었습니다. 다시 로그인하시면{" "}
      {payment ? "진행하던 결제 화면으로 돌아갑니다. 결제 내역은 그대로 남아 있습니다." : "보시던 화면으로 돌아갑니다."}
    </p>
  );
}
