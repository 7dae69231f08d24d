/**
 * A history is a list of plain steps: what users, PortOne, operators and the environment do, in
 * order. Payments and users are named by labels ("p3", "u1") given when they appear, so a shrunk
 * history that dropped the step creating one simply skips the steps that name it.
 */
export type PayOutcome = "approve" | "decline" | "close" | "issue" | "abandon";
/** How the app hears back: the desktop browser completes, the phone returns by redirect, or nobody comes back. */
export type PayReturn = "complete" | "redirect" | "gone";

export type Step =
  | { op: "signUp"; user: string }
  | {
      op: "pay";
      user: string;
      payment: string;
      packageId: string;
      payOption: string;
      outcome: PayOutcome;
      via: PayReturn;
    }
  | { op: "complete"; payment: string }
  | { op: "deposit"; payment: string }
  | { op: "expireAccount"; payment: string }
  | { op: "closeAccount"; payment: string }
  /** `percent` of what is left at PortOne (rounded down to 100 won), or everything when null. */
  | { op: "consoleCancel"; payment: string; percent: number | null }
  /**
   * With `race`, PortOne holds the refund's cancel call for `hangMs` (the refund is already reserved
   * on our side) while the console cancels `percent` of what is left (null = all) in between.
   */
  | { op: "refund"; payment: string; race?: { percent: number | null; hangMs: number } }
  | { op: "shop"; user: string; itemId: string }
  | { op: "serviceSpend"; user: string; amount: number; order: string; sends: number; concurrent: boolean }
  /**
   * Registers a card (PortOne's card window, a phone's redirect back) and sets a low-balance rule
   * on it, its threshold `margin` points under the balance then, so the spends that follow cross it.
   */
  | {
      op: "enableAutoCharge";
      user: string;
      margin: number;
      packageId: string;
      monthlyLimit: number;
      /** 카드 등록 or 카카오페이 등록: each through its own billing channel. */
      method: "card" | "kakaopay";
    }
  /** The card company declines the user's card's next `count` payments. */
  | { op: "cardDecline"; user: string; count: number }
  | { op: "reconcile" }
  | {
      op: "apiFault";
      payment: string | null;
      kind: "error" | "hang" | "stale";
      endpoint?: string;
      count: number;
      status: number;
    }
  | {
      op: "webhookFault";
      payment: string | null;
      mode: "drop" | "duplicate" | "reorder" | "delay";
      count: number;
      delayMs: number;
    }
  | {
      op: "cancelFault";
      payment: string | null;
      outcome: "pending" | "fail";
      settle: "succeed" | "fail";
      settleAfterMs: number;
    }
  | { op: "crash"; instance: number; afterMs: number }
  | { op: "restart"; instance: number };

export const FAULT_OPS: ReadonlySet<Step["op"]> = new Set([
  "apiFault",
  "webhookFault",
  "cancelFault",
  "cardDecline",
  "crash",
]);

const target = (payment: string | null) => (payment ? `about ${payment}` : "globally");

/** One line a person can read, e.g. `u1 pays p2 (points-10000, card): approve, back by redirect`. */
export function describe(step: Step): string {
  switch (step.op) {
    case "signUp":
      return `${step.user} signs up and signs in`;
    case "pay": {
      const back = { complete: "browser completes", redirect: "phone returns by redirect", gone: "browser gone" }[
        step.via
      ];
      return `${step.user} pays ${step.payment} (${step.packageId}, ${step.payOption}): window ${step.outcome}, ${back}`;
    }
    case "complete":
      return `the owner of ${step.payment} asks the app to complete it again`;
    case "deposit":
      return `PortOne: deposit into ${step.payment}'s virtual account`;
    case "expireAccount":
      return `PortOne: ${step.payment}'s virtual account passes its due date`;
    case "closeAccount":
      return `the owner closes ${step.payment}'s virtual account (입금 취소)`;
    case "consoleCancel":
      return `PortOne console: cancel ${step.percent === null ? "all that is left" : `${step.percent}% of what is left`} of ${step.payment}`;
    case "refund":
      return `the owner refunds ${step.payment} (the amount the page offers)${
        step.race
          ? `; PortOne holds the cancel call ${step.race.hangMs} ms, meanwhile the console cancels ${step.race.percent === null ? "all that is left" : `${step.race.percent}% of what is left`}`
          : ""
      }`;
    case "shop":
      return `${step.user} buys ${step.itemId} in the shop`;
    case "serviceSpend":
      return `service API: spend ${step.amount}P of ${step.user}, order ${step.order}, sent ${step.sends}× ${step.concurrent ? "at once" : "one after another"}`;
    case "enableAutoCharge":
      return `${step.user} registers ${step.method === "card" ? "a card" : "KakaoPay"} and sets automatic charging: ${step.packageId} when under the balance less ${step.margin}P, at most ${step.monthlyLimit}× a month`;
    case "cardDecline":
      return `fault: the card company declines ${step.user}'s card ${step.count}×`;
    case "reconcile":
      return "reconcile (GET /api/reconcile, default options)";
    case "apiFault":
      return `fault: next ${step.count} PortOne API call(s) ${target(step.payment)}${step.endpoint ? ` to ${step.endpoint}` : ""} ${
        step.kind === "error" ? `fail with ${step.status}` : step.kind === "hang" ? "hang 3 s" : "read stale"
      }`;
    case "webhookFault":
      return `fault: next ${step.count} webhook(s) ${target(step.payment)} ${step.mode === "delay" || step.mode === "reorder" ? `${step.mode} (${step.delayMs} ms)` : step.mode}`;
    case "cancelFault":
      return `fault: next API cancel ${target(step.payment)} ${step.outcome === "fail" ? "FAILED at once" : `REQUESTED, settles as ${step.settle} after ${step.settleAfterMs} ms`}`;
    case "crash":
      return `kill -9 app instance ${step.instance} ${step.afterMs ? `${step.afterMs} ms into the next step` : "now"}`;
    case "restart":
      return `start app instance ${step.instance} again`;
  }
}
