import { payOptionDefinition, type PayOptionId } from "@/lib/payments/catalog/pay-option-table";

/**
 * A pay option's name in the buyer's language, from the `payOptionNames` messages (pass their
 * translator); a stored id no longer in the table shows as itself.
 */
export function payOptionName(names: (id: PayOptionId) => string, id: string): string {
  return payOptionDefinition(id) ? names(id as PayOptionId) : id;
}
