import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadLegalDocument, type LegalDocumentId } from "@/lib/legal/documents";
import { parseBlocks, type Inline } from "@/lib/legal/legal-text";

function InlineText({ parts }: { parts: Inline[] }) {
  return parts.map((part, index) =>
    part.href ? (
      <Link key={index} href={part.href} className="text-brand-700 underline underline-offset-2">
        {part.text}
      </Link>
    ) : part.bold ? (
      <strong key={index} className="font-semibold text-slate-900">
        {part.text}
      </strong>
    ) : (
      part.text
    ),
  );
}

export async function legalMetadata(id: LegalDocumentId): Promise<Metadata> {
  const document = await loadLegalDocument(id);
  return { title: document.title };
}

// The texts are written in Korean, the shop's language, and bind in Korean whatever the page's language.
const DOCUMENT_LANGUAGE = "ko";

/**
 * One of the operator's legal texts (LEGAL_CONTENT_DIR), with the version consents record. The
 * page around it speaks the buyer's language; the text itself stays Korean, marked as such, and a
 * reader in another language is told the Korean text is the binding one.
 */
export async function LegalPage({ id }: { id: LegalDocumentId }) {
  const [document, locale, t] = await Promise.all([loadLegalDocument(id), getLocale(), getTranslations("legalPage")]);
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight" lang={DOCUMENT_LANGUAGE}>
          {document.title}
        </h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="legal-version">
          {t("version", { version: document.version })}
          {document.effective ? (
            <>
              {" · "}
              {t.rich("effective", {
                date: document.effective,
                original: (chunks) => <span lang={DOCUMENT_LANGUAGE}>{chunks}</span>,
              })}
            </>
          ) : null}
        </p>
        {locale === DOCUMENT_LANGUAGE ? null : (
          <p
            className="mt-3 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700"
            data-testid="legal-language-note"
          >
            {t("koreanOnly")}
          </p>
        )}
      </header>
      <div
        lang={DOCUMENT_LANGUAGE}
        className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 text-[0.95rem] leading-7 text-slate-800 sm:p-8"
      >
        {parseBlocks(document.body).map((block, index) =>
          block.kind === "heading" ? (
            <h2 key={index} className="pt-2 text-lg font-bold text-slate-900">
              {block.text}
            </h2>
          ) : block.kind === "list" ? (
            <ul key={index} className="list-disc space-y-1 pl-5">
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <InlineText parts={item} />
                </li>
              ))}
            </ul>
          ) : (
            <p key={index}>
              <InlineText parts={block.inline} />
            </p>
          ),
        )}
      </div>
    </article>
  );
}
