import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth";
import { isAdmin } from "@/lib/auth/admin";
import { getFormatters } from "@/lib/i18n/server";
import { getBalance } from "@/lib/points/balance";
import { signOutAction } from "../(auth)/actions";

export async function SiteHeader() {
  const session = await currentSession();
  const userId = session?.user?.id;
  const [balance, admin] = userId ? await Promise.all([getBalance(userId), isAdmin(userId)]) : [null, false];
  const [t, format] = await Promise.all([getTranslations("header"), getFormatters()]);

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-extrabold tracking-tight text-brand-700">
          PointCharge
        </Link>
        {userId && balance ? (
          <>
            {/* On a phone the links take a row of their own under the logo, balance and sign-out. */}
            <nav
              aria-label={t("userMenu")}
              className="order-last flex w-full items-center gap-x-4 text-sm sm:order-none sm:ml-auto sm:w-auto sm:gap-x-3"
            >
              <Link href="/charge" className="font-semibold text-brand-700 hover:text-brand-600">
                {t("charge")}
              </Link>
              <Link href="/shop" className="text-slate-600 hover:text-slate-900">
                {t("shop")}
              </Link>
              <Link href="/history" className="text-slate-600 hover:text-slate-900">
                {t("history")}
              </Link>
              {admin ? (
                <Link href="/admin" className="text-slate-600 hover:text-slate-900">
                  {t("admin")}
                </Link>
              ) : null}
            </nav>
            <div className="ml-auto flex items-center gap-x-2 text-sm sm:ml-0 sm:gap-x-3">
              <Link
                href="/account"
                className="hidden text-slate-600 hover:text-slate-900 sm:inline"
                title={session.user.email ?? undefined}
              >
                {session.user.name ?? session.user.email}
              </Link>
              <Link
                href="/account"
                className="rounded-full bg-brand-50 px-3 py-1 font-semibold text-brand-700"
                aria-label={t("balance", { points: format.points(balance.total) })}
                data-testid="header-balance"
              >
                {format.points(balance.total)}
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                >
                  {t("signOut")}
                </button>
              </form>
            </div>
          </>
        ) : (
          <nav aria-label={t("account")} className="ml-auto flex items-center gap-2 text-sm">
            <Link href="/sign-in" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
              {t("signIn")}
            </Link>
            <Link
              href="/sign-up"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
            >
              {t("signUp")}
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
