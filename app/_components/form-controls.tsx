"use client";

import { useId } from "react";

/** A field's name with what a refused action gave back for it: the text typed and its messages. */
export function refilled<K extends string>(
  refused: { values?: Partial<Record<K, string>>; fieldErrors?: Partial<Record<K, string[]>> } | undefined,
  name: K,
) {
  return { name, defaultValue: refused?.values?.[name], errors: refused?.fieldErrors?.[name] };
}

/** `errors`: the field's messages as a refused action gave them (z.flattenError); the first is shown. */
export function TextField({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: string; name: string; errors?: string[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const error = errors?.[0];
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 aria-[invalid]:border-red-500"
        {...input}
      />
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const BUTTON_VARIANTS = {
  primary: "w-full bg-brand-600 px-4 py-3 text-base text-white shadow-sm hover:bg-brand-700",
  compact: "w-full bg-brand-600 px-3 py-2 text-sm text-white hover:bg-brand-700",
  danger: "w-full border border-red-300 bg-white px-4 py-2.5 text-red-700 hover:bg-red-50 sm:w-auto",
} as const;

/** A form's submit button that shows progress and cannot be pressed twice while it runs. */
export function SubmitButton({
  pending,
  pendingLabel,
  variant = "primary",
  children,
  ...button
}: {
  pending: boolean;
  pendingLabel: string;
  variant?: keyof typeof BUTTON_VARIANTS;
  children: React.ReactNode;
} & Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled" | "className">) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`flex items-center justify-center gap-2 rounded-lg font-semibold disabled:cursor-wait disabled:opacity-70 ${BUTTON_VARIANTS[variant]}`}
      {...button}
    >
      {pending ? <Spinner /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}

/** Drawn in the text colour, so it shows on light and dark buttons alike. */
export function Spinner() {
  return <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current/30 border-t-current" />;
}

export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
      {message}
    </div>
  );
}
