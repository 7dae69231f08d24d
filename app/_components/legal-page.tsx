import type { Metadata } from "next";
import Link from "next/link";
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

/** One of the operator's legal texts (LEGAL_CONTENT_DIR), with the version consents record. */
export async function LegalPage({ id }: { id: LegalDocumentId }) {
  const document = await loadLegalDocument(id);
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{document.title}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="legal-version">
          버전 {document.version}
          {document.effective ? ` · 시행일 ${document.effective}` : ""}
        </p>
      </header>
      <div className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 text-[0.95rem] leading-7 text-slate-800 sm:p-8">
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
