"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** One box: ticked, it sends `value` (the version of the text it agrees to) under `name`. */
export interface ConsentItem {
  name: string;
  value: string;
  label: string;
  required: boolean;
  /** The full text, opened in a new tab so the form keeps what was filled in. */
  href?: string;
}

/**
 * Required and optional agreements, each marked required or optional, with one box for all when
 * there are several (as Korean sign-up and checkout forms have them). Required boxes are `required`, so
 * the browser stops a form without them; the server checks again (it records the consent).
 */
export function ConsentChecklist({
  legend,
  items,
  disabled,
  errors,
}: {
  legend: string;
  items: ConsentItem[];
  disabled?: boolean;
  errors?: string[];
}) {
  const t = useTranslations("consentChecklist");
  const id = useId();
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const allTicked = items.every((item) => ticked[item.name]);
  const tickAll = (on: boolean) => setTicked(Object.fromEntries(items.map((item) => [item.name, on])));
  const error = errors?.[0];

  return (
    <fieldset
      disabled={disabled}
      aria-describedby={error ? `${id}-error` : undefined}
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4"
    >
      <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
      {items.length > 1 ? (
        <label className="flex items-center gap-2 border-b border-slate-200 pb-2 text-sm font-semibold">
          <input
            type="checkbox"
            checked={allTicked}
            onChange={(event) => tickAll(event.target.checked)}
            className="size-5 accent-brand-600"
          />
          {t(items.some((item) => !item.required) ? "allWithOptional" : "all")}
        </label>
      ) : null}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.name} className="flex items-start justify-between gap-3 text-sm">
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                name={item.name}
                value={item.value}
                required={item.required}
                checked={Boolean(ticked[item.name])}
                onChange={(event) => setTicked((before) => ({ ...before, [item.name]: event.target.checked }))}
                className="mt-0.5 size-5 shrink-0 accent-brand-600"
              />
              <span>
                <span className={item.required ? "font-semibold text-brand-700" : "text-slate-600"}>
                  [{t(item.required ? "required" : "optional")}]
                </span>{" "}
                {item.label}
              </span>
            </label>
            {item.href ? (
              <a
                href={item.href}
                target="_blank"
                rel="noopener"
                className="shrink-0 whitespace-nowrap py-0.5 text-slate-600 underline underline-offset-2 hover:text-slate-900"
                aria-label={t("viewLabel", { label: item.label })}
              >
                {t("view")}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
