import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { consents } from "@/db/schema";
import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { loadLegalDocuments, type LegalDocument, type LegalDocumentId } from "./documents";

type Executor = Pick<typeof db, "insert" | "select">;
type ConsentContext = (typeof consents.$inferInsert)["context"];

/** Before a payment the user must have agreed to the current version of each of these. */
export const PAYMENT_CONSENT_DOCUMENTS = ["terms", "privacy", "refund"] as const satisfies readonly LegalDocumentId[];

/** The versions a form was showing, per document: what the user's ticked boxes agreed to. */
export type AgreedVersions = Partial<Record<LegalDocumentId, string>>;

export type ConsentRefusal = "stale_version";

/**
 * Agreements are recorded only for the text the server holds now: a page opened before the
 * operator replaced a text sends the old version, and that is no agreement to the new one.
 */
export function agreementsTo(
  documents: readonly LegalDocument[],
  agreed: AgreedVersions,
):
  | { ok: true; rows: { document: LegalDocumentId; version: string; textSha256: string }[] }
  | { ok: false; code: ConsentRefusal } {
  const rows = [];
  for (const document of documents) {
    const version = agreed[document.id];
    if (version === undefined) continue;
    if (version !== document.version) return { ok: false, code: "stale_version" };
    rows.push({ document: document.id, version, textSha256: document.sha256 });
  }
  return { ok: true, rows };
}

export async function insertConsents(
  executor: Executor,
  userId: string,
  rows: {
    document: (typeof consents.$inferInsert)["document"];
    version: string;
    textSha256: string;
    agreed: boolean;
  }[],
  context: ConsentContext,
): Promise<void> {
  if (rows.length === 0) return;
  await executor.insert(consents).values(rows.map((row) => ({ ...row, userId, context })));
}

/** The payment documents whose current version this user has not agreed to (all of them for a new OAuth account). */
export async function paymentConsentsDue(userId: string): Promise<LegalDocument[]> {
  const documents = await loadLegalDocuments(PAYMENT_CONSENT_DOCUMENTS);
  const given = await db
    .select({ document: consents.document, version: consents.version })
    .from(consents)
    .where(
      and(
        eq(consents.userId, userId),
        eq(consents.agreed, true),
        inArray(consents.document, PAYMENT_CONSENT_DOCUMENTS),
      ),
    );
  return documents.filter(
    (document) => !given.some((row) => row.document === document.id && row.version === document.version),
  );
}

/** Records the agreements a checkout form sent (before its payment is created). */
export async function acceptPaymentConsents(
  userId: string,
  agreed: AgreedVersions,
): Promise<{ ok: true } | { ok: false; code: ConsentRefusal }> {
  if (Object.keys(agreed).length === 0) return { ok: true };
  const due = await paymentConsentsDue(userId);
  const accepted = agreementsTo(due, agreed);
  if (!accepted.ok) return accepted;
  await insertConsents(
    db,
    userId,
    accepted.rows.map((row) => ({ ...row, agreed: true })),
    "checkout",
  );
  return { ok: true };
}

/**
 * The sign-up form's consents: the terms and the privacy notice are required, the marketing
 * e-mails optional and recorded either way (a "no" is a choice too). The marketing item is
 * described in the privacy notice, so it carries that text's version.
 */
export async function signUpConsentRows(choice: {
  terms: string;
  privacy: string;
  marketing?: string;
}): Promise<{ ok: true; rows: Parameters<typeof insertConsents>[2] } | { ok: false; code: ConsentRefusal }> {
  const documents = await loadLegalDocuments(["terms", "privacy"]);
  const accepted = agreementsTo(documents, { terms: choice.terms, privacy: choice.privacy });
  const privacy = documents.find((document) => document.id === "privacy")!;
  if (!accepted.ok || accepted.rows.length !== 2) return { ok: false, code: "stale_version" };
  if (choice.marketing !== undefined && choice.marketing !== privacy.version)
    return { ok: false, code: "stale_version" };
  return {
    ok: true,
    rows: [
      ...accepted.rows.map((row) => ({ ...row, agreed: true })),
      {
        document: "marketing",
        version: privacy.version,
        textSha256: privacy.sha256,
        agreed: choice.marketing !== undefined,
      },
    ],
  };
}

/** What the charge page's consent box needs: the texts still to agree to, and the refund window it summarises. */
export interface PaymentConsentPrompt {
  due: { id: LegalDocumentId; version: string; href: string }[];
  refundWindowDays: number;
}

export async function paymentConsentPrompt(userId: string): Promise<PaymentConsentPrompt> {
  const due = await paymentConsentsDue(userId);
  return {
    due: due.map(({ id, version, href }) => ({ id, version, href })),
    refundWindowDays: REFUND_WINDOW_DAYS,
  };
}
