/** A radio group's name, its chosen value and how to choose another. */
export interface ChoiceGroup {
  name: string;
  chosen: string | undefined;
  choose: (value: string) => void;
}

/** One choice of a radio group drawn as a card: the input is hidden, the card shows selection and focus. */
export function ChoiceCard({
  group,
  value,
  className,
  ariaLabel,
  children,
}: {
  group: ChoiceGroup;
  value: string;
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
        name={group.name}
        value={value}
        checked={group.chosen === value}
        onChange={() => group.choose(value)}
        className="sr-only"
        aria-label={ariaLabel}
      />
      {children}
    </label>
  );
}

/** A fieldset of choice cards under its legend, laid out as a grid. */
export function ChoiceFieldset({
  legend,
  disabled,
  gridClass,
  children,
}: {
  legend: string;
  disabled: boolean;
  gridClass: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-3 text-lg font-bold">{legend}</legend>
      <div className={`grid grid-cols-2 ${gridClass}`}>{children}</div>
    </fieldset>
  );
}
