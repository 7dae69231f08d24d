import "server-only";
import { env } from "@/lib/env";
import { usesPortOneV1 } from "@/lib/env-schema";
import { configuredPayOptions, type PayOption } from "./pay-option-table";

/** PortOne V1 (I'mport) rather than V2: the store's payment provider, fixed when the server starts. */
export const storeOnV1 = usesPortOneV1(env);

/**
 * The options this deployment offers, with their channel keys (which never leave the server). On
 * V1 a transfer's or deposit's cash receipt is asked for by the PG's own window, not by us.
 */
export const PAY_OPTIONS: readonly PayOption[] = storeOnV1
  ? configuredPayOptions(env, "v1").map((option) => ({ ...option, cashReceipt: false }))
  : configuredPayOptions(env);

export function findPayOption(id: string): PayOption | undefined {
  return PAY_OPTIONS.find((option) => option.id === id);
}
