"use client";

import Link from "next/link";
import { ConsentChecklist } from "@/app/_components/consent-checklist";
import type { AgreedVersions, PaymentConsentPrompt } from "@/lib/legal/consents";

const LABELS: Record<PaymentConsentPrompt["due"][number]["id"], string> = {
  terms: "이용약관 동의",
  privacy: "개인정보 수집·이용 동의",
  refund: "환불 정책(청약철회 조건) 확인 및 동의",
};

const FIELD_PREFIX = "agree-";

/**
 * The refund rules in short beside the pay button, and, until the user has agreed to the texts
 * in force, a box per text to agree to (the first payment, and again after a text changes).
 */
export function ConsentFields({ prompt, disabled }: { prompt: PaymentConsentPrompt; disabled: boolean }) {
  return (
    <section aria-labelledby="payment-terms-heading" className="space-y-3 rounded-xl bg-slate-100 p-4 text-sm">
      <h2 id="payment-terms-heading" className="font-semibold text-slate-900">
        결제 전 확인해 주세요
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        <li>
          결제 후 {prompt.refundWindowDays}일 이내에는 사용하지 않은 유료 포인트만큼 환불을 신청할 수 있습니다. 사용한
          포인트는 환불되지 않습니다.
        </li>
        <li>보너스 포인트는 환불되지 않으며, 충전을 환불하면 같은 비율로 회수됩니다.</li>
      </ul>
      {prompt.due.length > 0 ? (
        <ConsentChecklist
          legend="결제 약관 동의"
          disabled={disabled}
          items={prompt.due.map((document) => ({
            name: `${FIELD_PREFIX}${document.id}`,
            value: document.version,
            label: LABELS[document.id],
            required: true,
            href: document.href,
          }))}
        />
      ) : (
        <p className="text-slate-600">
          결제하면 동의하신{" "}
          <Link href="/terms" className="underline underline-offset-2">
            이용약관
          </Link>
          과{" "}
          <Link href="/refund-policy" className="underline underline-offset-2">
            환불 정책
          </Link>
          이 적용됩니다.
        </p>
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
