import { useTranslations } from "next-intl";

/** Why a visitor who was signed in finds the sign-in page, and where signing in takes them back to. */
export function SessionExpiredNotice({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("sessionExpired");
  const payment = /^\/(charge|payments)(\/|\?|$)/.test(callbackUrl);
  return (
    <p
      role="status"
      data-testid="session-expired"
      className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {t(payment ? "toPayment" : "toPage")}
    </p>
  );
}
