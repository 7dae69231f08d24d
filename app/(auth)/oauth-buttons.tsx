import { signInWithProviderAction } from "./actions";

const STYLES: Record<string, string> = {
  kakao: "bg-[#FEE500] text-[#191919] hover:brightness-95",
  naver: "bg-[#03C75A] text-white hover:brightness-95",
  google: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
};

export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; label: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className={`w-full rounded-lg px-4 py-2.5 text-sm font-semibold ${STYLES[provider.id] ?? ""}`}
          >
            {provider.label}
          </button>
        </form>
      ))}
    </div>
  );
}
