import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Customer } from "@portone/server-sdk/common";
import type { PaymentRecord, PreRegistration } from "./payment-record.js";
import type { PaymentScheduleRecord } from "./payment-schedules.js";

export interface BillingKeyRecord {
  billingKey: string;
  storeId: string;
  channelKey: string;
  /** Absent for an easy-pay key that pays from the wallet's balance (no card behind it). */
  cardNumberMasked?: string;
  /** Card product name shown by the PG, when the window chose one. */
  cardName?: string;
  /** An easy-pay key (issued on an EASY_PAY channel): the wallet, and what it pays with. */
  easyPay?: { provider: string; method: "CARD" | "CHARGE" };
  customer: Customer;
  customData?: string;
  issueId?: string;
  issueName?: string;
  noticeUrls?: string[];
  requestedAt: string;
  issuedAt: string;
  deletedAt?: string;
  /** From the card's expiry month (or a tester's "expire now"): payments from then on are declined. */
  cardExpiresAt?: string;
}

interface PersistedState {
  nextSeq: number;
  payments: PaymentRecord[];
  preRegistrations: [string, PreRegistration][];
  billingKeys: BillingKeyRecord[];
  /** Absent in state files written before payment schedules existed. */
  schedules?: PaymentScheduleRecord[];
}

/** All emulator data. Memory first; with a state file, every change is written through. */
export class EmulatorState {
  readonly payments = new Map<string, PaymentRecord>();
  readonly preRegistrations = new Map<string, PreRegistration>();
  readonly billingKeys = new Map<string, BillingKeyRecord>();
  readonly schedules = new Map<string, PaymentScheduleRecord>();
  private nextSeq = 1;

  constructor(private readonly stateFile: string) {
    if (stateFile && existsSync(stateFile)) this.load();
  }

  takeSeq(): number {
    return this.nextSeq++;
  }

  savePayment(record: PaymentRecord): void {
    this.payments.set(record.id, record);
    this.persist();
  }

  clear(): void {
    this.payments.clear();
    this.preRegistrations.clear();
    this.billingKeys.clear();
    this.schedules.clear();
    this.nextSeq = 1;
    this.persist();
  }

  /** Writes the whole state; small enough for a test tool, and atomic through a rename. */
  persist(): void {
    if (!this.stateFile) return;
    const snapshot: PersistedState = {
      nextSeq: this.nextSeq,
      payments: [...this.payments.values()],
      preRegistrations: [...this.preRegistrations.entries()],
      billingKeys: [...this.billingKeys.values()],
      schedules: [...this.schedules.values()],
    };
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const temporary = `${this.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(snapshot, null, 2));
    renameSync(temporary, this.stateFile);
  }

  private load(): void {
    let snapshot: PersistedState;
    try {
      snapshot = JSON.parse(readFileSync(this.stateFile, "utf8")) as PersistedState;
    } catch (error) {
      throw new Error(`PortOne emulator state file ${this.stateFile} is unreadable; delete it to start empty.`, {
        cause: error,
      });
    }
    this.nextSeq = snapshot.nextSeq;
    for (const payment of snapshot.payments) this.payments.set(payment.id, payment);
    for (const [id, registration] of snapshot.preRegistrations) this.preRegistrations.set(id, registration);
    for (const key of snapshot.billingKeys) this.billingKeys.set(key.billingKey, key);
    for (const schedule of snapshot.schedules ?? []) this.schedules.set(schedule.id, schedule);
  }
}
