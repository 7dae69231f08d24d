import { LinkButton } from "./_components/link-button";

export default function Forbidden() {
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-2xl font-bold">권한이 없습니다</h1>
      <p className="text-slate-600">이 페이지는 관리자만 볼 수 있습니다.</p>
      <LinkButton href="/">처음으로</LinkButton>
    </div>
  );
}
