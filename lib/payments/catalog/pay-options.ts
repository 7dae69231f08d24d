import "server-only";
import { env } from "@/lib/env";
import { configuredPayOptions, type PayOption } from "./pay-option-table";

/** The options this deployment offers, with their channel keys (which never leave the server). */
export const PAY_OPTIONS: readonly PayOption[] = configuredPayOptions(env);

export function findPayOption(id: string): PayOption | undefined {
  return PAY_OPTIONS.find((option) => option.id === id);
}
