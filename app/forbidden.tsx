import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-2xl font-bold">권한이 없습니다</h1>
      <p className="text-slate-600">이 페이지는 관리자만 볼 수 있습니다.</p>
      <Link href="/" className="inline-block rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white">
        처음으로
      </Link>
    </div>
  );
}
