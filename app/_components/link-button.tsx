import Link from "next/link";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
} as const;

/** A link that looks like a button: the page's next step (primary) or a side way (secondary). */
export function LinkButton({
  href,
  variant = "primary",
  large = false,
  children,
}: {
  href: string;
  variant?: keyof typeof VARIANTS;
  large?: boolean;
  children: React.ReactNode;
}) {
  const size = large ? "px-5 py-3" : "px-4 py-2.5";
  return (
    <Link href={href} className={`inline-block rounded-lg text-center font-semibold ${size} ${VARIANTS[variant]}`}>
      {children}
    </Link>
  );
}
