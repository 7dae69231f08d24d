/** One choice of a radio group drawn as a card: the input is hidden, the card shows selection and focus. */
export function ChoiceCard({
  name,
  value,
  checked,
  onSelect,
  className,
  ariaLabel,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onSelect: () => void;
  className: string;
  ariaLabel?: string;
  children: React.ReactNode;
}) {
  return (
    <label
      className={`cursor-pointer has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${className}`}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onSelect}
        className="sr-only"
        aria-label={ariaLabel}
      />
      {children}
    </label>
  );
}
