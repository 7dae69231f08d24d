import "server-only";
import { db } from "@/db";
import { openLowBalanceChargeOnSpend } from "@/lib/billing/auto-charge";
import { appendLedgerEntry, lockBalance, type Transaction } from "./ledger";

export type SpendRefusal = "insufficient_points" | "spending_blocked";

export type SpendResult =
  | {
      ok: true;
      spent: { paid: number; bonus: number };
      balance: { paid: number; bonus: number; total: number };
      /** The automatic charge this spend opened (its low-balance rule): send it once the transaction commits. */
      autoChargePaymentId: string | null;
    }
  | { ok: false; code: SpendRefusal; balance: { paid: number; bonus: number; total: number } };

/**
 * Spends points for one order, bonus points first (they are not refundable, paid points are).
 * The balance row is locked for the check and the entry, so two spends racing for the last
 * points cannot both succeed and a balance never goes negative. `reference` identifies the
 * order: spending it twice is refused by the ledger's unique key.
 */
export async function spendPoints(
  input: { userId: string; amount: number; reference: string; memo: string },
  tx?: Transaction,
): Promise<SpendResult> {
  if (!Number.isInteger(input.amount) || input.amount <= 0)
    throw new Error(`spend amount must be a positive integer, got ${input.amount}`);
  const run = async (transaction: Transaction): Promise<SpendResult> => {
    const balance = await lockBalance(transaction, input.userId);
    const total = balance.paid + balance.bonus;
    // A negative balance (a payment cancelled outside the app after its points were spent) flags
    // the account: no spending until a charge brings it back to zero.
    if (balance.paid < 0 || balance.bonus < 0)
      return { ok: false, code: "spending_blocked", balance: { ...balance, total } };
    if (total < input.amount) return { ok: false, code: "insufficient_points", balance: { ...balance, total } };

    const bonus = Math.min(balance.bonus, input.amount);
    const paid = input.amount - bonus;
    const written = await appendLedgerEntry(transaction, {
      userId: input.userId,
      kind: "spend",
      reference: input.reference,
      paidDelta: -paid,
      bonusDelta: -bonus,
      memo: input.memo,
    });
    if (!written) throw new Error(`order ${input.reference} was already spent`);
    const after = { paid: balance.paid - paid, bonus: balance.bonus - bonus };
    const autoChargePaymentId = await openLowBalanceChargeOnSpend(transaction, input.userId, {
      before: total,
      after: total - input.amount,
    });
    return {
      ok: true,
      spent: { paid, bonus },
      balance: { ...after, total: after.paid + after.bonus },
      autoChargePaymentId,
    };
  };
  return tx ? run(tx) : db.transaction(run);
}
