import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { V1PaymentRecord } from "./v1-payment.js";

/** Amount fixed by POST /payments/prepare for a merchant_uid. */
export interface V1Preparation {
  merchant_uid: string;
  amount: number;
  currency: string | null;
}

interface PersistedV1State {
  nextSeq: number;
  payments: V1PaymentRecord[];
  preparations: V1Preparation[];
}

/** The V1 state file sits next to the V2 one: `state.json` → `state.v1.json`. */
export const v1StateFileFor = (stateFile: string) =>
  stateFile === "" ? "" : stateFile.replace(/(\.json)?$/, ".v1.json");

/** V1 payments and prepared amounts; memory first, written through to its own file when configured. */
export class V1State {
  readonly payments = new Map<string, V1PaymentRecord>();
  readonly preparations = new Map<string, V1Preparation>();
  private nextSeq = 1;

  constructor(private readonly stateFile: string) {
    if (stateFile && existsSync(stateFile)) this.load();
  }

  takeSeq(): number {
    return this.nextSeq++;
  }

  save(record: V1PaymentRecord): void {
    this.payments.set(record.imp_uid, record);
    this.persist();
  }

  /** The newest payment (by start, then insertion) of a merchant_uid, optionally in one status. */
  latestByMerchantUid(merchantUid: string, status?: string): V1PaymentRecord | undefined {
    let latest: V1PaymentRecord | undefined;
    for (const record of this.payments.values()) {
      if (record.merchant_uid !== merchantUid || (status && record.status !== status)) continue;
      if (
        !latest ||
        record.started_at > latest.started_at ||
        (record.started_at === latest.started_at && record.seq > latest.seq)
      )
        latest = record;
    }
    return latest;
  }

  clear(): void {
    this.payments.clear();
    this.preparations.clear();
    this.nextSeq = 1;
    this.persist();
  }

  persist(): void {
    if (!this.stateFile) return;
    const snapshot: PersistedV1State = {
      nextSeq: this.nextSeq,
      payments: [...this.payments.values()],
      preparations: [...this.preparations.values()],
    };
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const temporary = `${this.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(snapshot, null, 2));
    renameSync(temporary, this.stateFile);
  }

  private load(): void {
    let snapshot: PersistedV1State;
    try {
      snapshot = JSON.parse(readFileSync(this.stateFile, "utf8")) as PersistedV1State;
    } catch (error) {
      throw new Error(`PortOne emulator V1 state file ${this.stateFile} is unreadable; delete it to start empty.`, {
        cause: error,
      });
    }
    this.nextSeq = snapshot.nextSeq;
    for (const payment of snapshot.payments) this.payments.set(payment.imp_uid, payment);
    for (const preparation of snapshot.preparations) this.preparations.set(preparation.merchant_uid, preparation);
  }
}
