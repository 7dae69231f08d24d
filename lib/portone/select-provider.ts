import "server-only";
import type { PaymentProvider } from "./provider";
import { portoneV2 } from "./v2-provider";

/**
 * The store's payment provider, fixed when the server starts. The money path (checkout's
 * pre-registration, syncPayment, refunds, releases, reconciliation) asks only this.
 */
export const paymentProvider: PaymentProvider = portoneV2;
