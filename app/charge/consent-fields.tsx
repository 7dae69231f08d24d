"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ConsentChecklist } from "@/app/_components/consent-checklist";
import type { AgreedVersions, PaymentConsentPrompt } from "@/lib/legal/consents";

const FIELD_PREFIX = "agree-";

/**
 * The refund rules in short beside the pay button, and, until the user has agreed to the texts
 * in force, a box per text to agree to (the first payment, and again after a text changes).
 */
export function ConsentFields({ prompt, disabled }: { prompt: PaymentConsentPrompt; disabled: boolean }) {
  const t = useTranslations("paymentConsent");
  const link = (href: string) =>
    function TextLink(chunks: ReactNode) {
      return (
        <Link href={href} className="underline underline-offset-2">
          {chunks}
        </Link>
      );
    };
  return (
    <section aria-labelledby="payment-terms-heading" className="space-y-3 rounded-xl bg-slate-100 p-4 text-sm">
      <h2 id="payment-terms-heading" className="font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        <li>{t("refundRule", { days: prompt.refundWindowDays })}</li>
        <li>{t("bonusRule")}</li>
      </ul>
      {prompt.due.length > 0 ? (
        <ConsentChecklist
          legend={t("legend")}
          disabled={disabled}
          items={prompt.due.map((document) => ({
            name: `${FIELD_PREFIX}${document.id}`,
            value: document.version,
            label: t(`labels.${document.id}`),
            required: true,
            href: document.href,
          }))}
        />
      ) : (
        <p className="text-slate-600">{t.rich("agreed", { terms: link("/terms"), refund: link("/refund-policy") })}</p>
      )}
    </section>
  );
}

/** The versions the ticked boxes of this form agree to, for startCheckoutAction. */
export function agreedConsents(form: HTMLFormElement): AgreedVersions {
  const agreed: AgreedVersions = {};
  for (const [name, value] of new FormData(form)) {
    if (!name.startsWith(FIELD_PREFIX) || typeof value !== "string") continue;
    const id = name.slice(FIELD_PREFIX.length);
    if (id === "terms" || id === "privacy" || id === "refund") agreed[id] = value;
  }
  return agreed;
}
