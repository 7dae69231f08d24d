import { getTranslations } from "next-intl/server";
import { LinkButton } from "./_components/link-button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("text")}</p>
      <LinkButton href="/">{t("home")}</LinkButton>
    </div>
  );
}
