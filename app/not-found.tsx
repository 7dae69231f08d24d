import { LinkButton } from "./_components/link-button";

export default function NotFound() {
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-2xl font-bold">찾을 수 없습니다</h1>
      <p className="text-slate-600">요청하신 페이지나 결제 정보가 없거나, 볼 수 있는 권한이 없습니다.</p>
      <LinkButton href="/">처음으로</LinkButton>
    </div>
  );
}
