import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/locales";
import { setLocaleAction } from "./language-actions";

/** A plain form, so the switch works before (and without) JavaScript. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("languageSwitch")]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-2 text-sm" data-testid="language-switch">
      <label htmlFor="language-select" className="font-semibold text-slate-700">
        {t("label")}
      </label>
      {/* Each language named in itself, so a buyer finds theirs whatever the page's language. */}
      <select
        id="language-select"
        name="locale"
        defaultValue={locale}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-800"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`names.${option}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1 font-semibold text-slate-800 hover:bg-slate-100"
      >
        {t("apply")}
      </button>
    </form>
  );
}
