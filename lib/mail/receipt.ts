import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { formattersIn, translatorOf } from "@/lib/i18n/translator";
import { businessInfoOf } from "@/lib/legal/business-info";
import { formatKst } from "@/app/_components/date-time";
import { queueMailToUser, type MailExecutor } from "./outbox";
import { escapeHtml } from "./escape-html";

/** What a receipt reports of a credited charge (all of it on the payment row). */
export interface CreditedCharge {
  id: string;
  userId: string;
  orderName: string;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  paidPoints: number;
  bonusPoints: number;
  paidAt: Date;
}

export const receiptKey = (paymentId: string) => `receipt:${paymentId}`;

/**
 * The receipt's subject, text and HTML in a language: the recipient's (`users.locale`, see
 * queueMailToUser). Korean receipts give the time in Korean Standard Time as they always have;
 * English ones name the zone.
 */
export function receiptMail(charge: CreditedCharge, locale: Locale = "ko") {
  const t = translatorOf(locale, "receiptMail");
  const format = formattersIn(locale);
  const business = businessInfoOf(env);
  const link = new URL(`/payments/${encodeURIComponent(charge.id)}`, env.APP_URL).toString();
  const points = format.points(charge.paidPoints + charge.bonusPoints);
  const credited =
    charge.bonusPoints > 0
      ? t("creditedWithBonus", {
          points,
          paid: format.points(charge.paidPoints),
          bonus: format.points(charge.bonusPoints),
        })
      : points;
  const rows: [string, string][] = [
    [t("product"), charge.orderName],
    [t("amount"), format.money(charge.amount, charge.currency)],
    [t("credited"), credited],
    [t("paymentId"), charge.id],
    [t("paidAt"), locale === "ko" ? formatKst(charge.paidAt) : format.dateTime(charge.paidAt)],
  ];
  const footer = t("footer", { business: business.name, email: business.supportEmail, phone: business.supportPhone });
  const text = [
    t("done"),
    "",
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    `${t("viewPayment")}: ${link}`,
    "",
    t("noReply"),
    footer,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(t("done"))}</p>`,
    "<table>",
    ...rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    "</table>",
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t("viewPayment"))}</a></p>`,
    `<p>${escapeHtml(t("noReply"))}<br>${escapeHtml(footer)}</p>`,
  ].join("\n");
  return { subject: t("subject", { points }), text, html };
}

/**
 * Queues the receipt of a charge, in the transaction that credits it: keyed by the payment, so a
 * repeated sync never queues a second one; in the user's language. Users without a mailbox get none.
 */
export function queueReceipt(executor: MailExecutor, charge: CreditedCharge): Promise<boolean> {
  return queueMailToUser(executor, charge.userId, receiptKey(charge.id), (locale) => receiptMail(charge, locale));
}
