import { useTranslations } from "next-intl";
import { LinkButton } from "./_components/link-button";

export default function Forbidden() {
  const t = useTranslations("forbidden");
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("text")}</p>
      <LinkButton href="/">{t("home")}</LinkButton>
    </div>
  );
}
