import Link from "next/link";
import { env } from "@/lib/env";
import { businessInfoOf } from "@/lib/legal/business-info";

/** The operator's details every Korean shop page carries (전자상거래법 §10), and the legal texts. */
export function SiteFooter() {
  const business = businessInfoOf(env);
  const details = [
    ["상호", business.name],
    ["대표자", business.representative],
    ["사업자등록번호", business.registrationNumber],
    ["통신판매업 신고번호", business.mailOrderNumber],
    ["주소", business.address],
  ] as const;
  return (
    <footer className="border-t border-slate-200 bg-white" data-testid="site-footer">
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-8 text-xs leading-5 text-slate-600">
        <nav aria-label="약관 및 정책">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <Link href="/terms" className="hover:text-slate-900 hover:underline">
                이용약관
              </Link>
            </li>
            <li>
              {/* Shown in bold, as the privacy law's guidance asks of the privacy policy link. */}
              <Link href="/privacy" className="font-bold text-slate-800 hover:text-slate-900 hover:underline">
                개인정보처리방침
              </Link>
            </li>
            <li>
              <Link href="/refund-policy" className="hover:text-slate-900 hover:underline">
                환불 정책
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
            <dt className="font-semibold text-slate-700">고객센터</dt>
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
        {business.demo ? (
          <p className="font-semibold text-amber-800">
            개발용 예시 사업자 정보입니다. 운영할 때는 실제 정보를 설정합니다(BUSINESS_* 환경 변수).
          </p>
        ) : null}
        <p>결제는 PortOne을 통해 각 결제사에서 처리됩니다.</p>
      </div>
    </footer>
  );
}
