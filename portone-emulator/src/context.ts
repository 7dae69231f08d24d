import type { EmulatorConfig } from "./config.js";
import type { FaultBook } from "./control/faults.js";
import type { CheckoutTransaction } from "./checkout/transaction.js";
import type { EmulatorState } from "./domain/state.js";
import type { WebhookDispatcher } from "./webhooks/dispatcher.js";
import type { V1Side } from "./v1/v1-emulator.js";

/** Everything a request handler may touch; one per running emulator. */
export interface Emulator {
  config: EmulatorConfig;
  state: EmulatorState;
  faults: FaultBook;
  webhooks: WebhookDispatcher;
  /** Open checkout windows by txId (memory only: a window does not survive a restart). */
  transactions: Map<string, CheckoutTransaction>;
  /** Bearer access tokens from POST /login/api-secret → expiry (ms). */
  accessTokens: Map<string, number>;
  refreshTokens: Map<string, number>;
  /** Manual resends per webhook id (PortOne limits them). */
  manualResends: Map<string, number>;
  /** Timers that settle asynchronous cancellations by themselves (cleared on reset and close). */
  settleTimers: Set<NodeJS.Timeout>;
  /** One timer per SCHEDULED payment schedule, running it when due (cleared on reset and close). */
  scheduleTimers: Map<string, NodeJS.Timeout>;
  /** The last answer of `GET /payments/{paymentId}` per payment, for "stale" read faults. */
  lastPaymentAnswers: Map<string, unknown>;
  /** Base URL the emulator is reachable at, e.g. http://localhost:4010. */
  publicUrl: string;
  /** The PortOne V1 (I'mport) side, on the same server; set once the emulator is built. */
  v1?: V1Side;
}
