import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { businessInfoOf } from "@/lib/legal/business-info";
import { LanguageSwitch } from "./language-switch";

/** The operator's details every Korean shop page carries (전자상거래법 §10), and the legal texts. */
export async function SiteFooter() {
  const business = businessInfoOf(env);
  const t = await getTranslations("footer");
  const details = [
    [t("businessName"), business.name],
    [t("representative"), business.representative],
    [t("registrationNumber"), business.registrationNumber],
    [t("mailOrderNumber"), business.mailOrderNumber],
    [t("address"), business.address],
  ] as const;
  return (
    <footer className="border-t border-slate-200 bg-white" data-testid="site-footer">
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-8 text-xs leading-5 text-slate-600">
        <nav aria-label={t("legalNav")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <Link href="/terms" className="hover:text-slate-900 hover:underline">
                {t("terms")}
              </Link>
            </li>
            <li>
              {/* Shown in bold, as the privacy law's guidance asks of the privacy policy link. */}
              <Link href="/privacy" className="font-bold text-slate-800 hover:text-slate-900 hover:underline">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/refund-policy" className="hover:text-slate-900 hover:underline">
                {t("refundPolicy")}
              </Link>
            </li>
          </ul>
        </nav>
        <dl className="flex flex-wrap gap-x-4 gap-y-1">
          {details.map(([term, value]) => (
            <div key={term} className="flex gap-1">
              <dt className="font-semibold text-slate-700">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <div className="flex gap-1">
            <dt className="font-semibold text-slate-700">{t("support")}</dt>
            <dd>
              <a href={`tel:${business.supportPhone}`} className="hover:underline">
                {business.supportPhone}
              </a>
              {" · "}
              <a href={`mailto:${business.supportEmail}`} className="hover:underline">
                {business.supportEmail}
              </a>
            </dd>
          </div>
        </dl>
        {business.demo ? <p className="font-semibold text-amber-800">{t("demoBusiness")}</p> : null}
        <p>{t("processedBy")}</p>
        <LanguageSwitch />
      </div>
    </footer>
  );
}
