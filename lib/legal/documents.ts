import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { configuredValidity } from "@/lib/points/configured-validity";
import { describeValidity } from "@/lib/points/validity";
import { businessInfoOf } from "./business-info";
import { fillPlaceholders, parseLegalText, type LegalText } from "./legal-text";

export const LEGAL_DOCUMENT_IDS = ["terms", "privacy", "refund"] as const;
export type LegalDocumentId = (typeof LEGAL_DOCUMENT_IDS)[number];

/** Where each text lives: its file in LEGAL_CONTENT_DIR and its page. */
export const LEGAL_DOCUMENTS: Record<LegalDocumentId, { file: string; href: string }> = {
  terms: { file: "terms.md", href: "/terms" },
  privacy: { file: "privacy.md", href: "/privacy" },
  refund: { file: "refund.md", href: "/refund-policy" },
};

export interface LegalDocument extends LegalText {
  id: LegalDocumentId;
  href: string;
  /** Of the text as shown (placeholders filled): what a consent record points at. */
  sha256: string;
}

function placeholders(): Record<string, string> {
  const business = businessInfoOf(env);
  return {
    businessName: business.name,
    representative: business.representative,
    supportEmail: business.supportEmail,
    supportPhone: business.supportPhone,
    // From the refund rules themselves, so the policy cannot promise another window than the code keeps.
    refundWindowDays: String(REFUND_WINDOW_DAYS),
    // From the configuration new credits get, so the texts say what the ledger does.
    // The texts are Korean (app/_components/legal-page.tsx), so their numbers are said in Korean.
    paidValidity: describeValidity(configuredValidity().paidDays, "ko"),
    bonusValidity: describeValidity(configuredValidity().bonusDays, "ko"),
  };
}

/** Read on every call: an operator who replaces a file sees it at once, without a rebuild. */
export async function loadLegalDocument(id: LegalDocumentId): Promise<LegalDocument> {
  const { file, href } = LEGAL_DOCUMENTS[id];
  const source = path.resolve(env.LEGAL_CONTENT_DIR, file);
  // The folder is the operator's, chosen at run time: the build has nothing to trace there.
  const text = parseLegalText(await readFile(/* turbopackIgnore: true */ source, "utf8"), source);
  const body = fillPlaceholders(text.body, placeholders(), source);
  const sha256 = createHash("sha256").update(`${text.title}\n${text.version}\n${body}`).digest("hex");
  return { ...text, body, id, href, sha256 };
}

export function loadLegalDocuments(ids: readonly LegalDocumentId[] = LEGAL_DOCUMENT_IDS) {
  return Promise.all(ids.map(loadLegalDocument));
}
