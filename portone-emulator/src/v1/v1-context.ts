import type { WindowLanguage } from "../checkout/window-language.js";
import type { Emulator } from "../context.js";
import type { V1Tokens } from "./api/v1-auth.js";
import type { V1State } from "./domain/v1-state.js";
import type { V1Notices } from "./webhooks/v1-notices.js";

export type V1WindowMode = "IFRAME" | "REDIRECTION";

/** One opened V1 checkout window (memory only, like V2's). */
export interface V1Window {
  txId: string;
  imp_uid: string;
  mode: V1WindowMode;
  /** The window's language, from request_pay's `language`. */
  language: WindowLanguage;
  /** Origin of the merchant page; results are posted only there. */
  parentOrigin: string;
  redirectUrl?: string;
  /** Whether the answer carries `success`/`imp_success` and payment fields, or only the ids. */
  style: "full" | "minimal";
  /** Virtual-account due (unix seconds) the request asked for with vbank_due. */
  vbankDue?: number;
  result?: Record<string, unknown>;
}

/** The V1 half of a running emulator. */
export interface V1Context {
  emulator: Emulator;
  state: V1State;
  tokens: V1Tokens;
  notices: V1Notices;
  windows: Map<string, V1Window>;
}
