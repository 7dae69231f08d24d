import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { maintenanceJobs } from "@/db/schema";
import { log } from "@/lib/observability/log";

export interface Lease {
  holder: string;
  /** False once a renewal found the lease gone (it lapsed and another run took it): stop working. */
  readonly held: boolean;
  release(): Promise<void>;
}

/** Another run holds the job's lease. */
export class JobBusyError extends Error {
  constructor(
    readonly job: string,
    readonly heldUntil: Date | null,
  ) {
    super(`${job} is already running${heldUntil ? ` (its lease holds until ${heldUntil.toISOString()})` : ""}`);
    this.name = "JobBusyError";
  }
}

/**
 * Takes the job's lease for `ttlMs`, renewed every third of it while the process lives, or throws
 * JobBusyError. Every statement is a single one, so it works through a transaction-mode pooler.
 */
export async function acquireLease(job: string, ttlMs: number): Promise<Lease> {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const until = sql`clock_timestamp() + ${`${ttlMs} milliseconds`}::interval`;
  const [taken] = await db
    .insert(maintenanceJobs)
    .values({ name: job, leaseHolder: holder, leaseUntil: until })
    .onConflictDoUpdate({
      target: maintenanceJobs.name,
      set: { leaseHolder: holder, leaseUntil: until },
      setWhere: sql`${maintenanceJobs.leaseHolder} is null or ${maintenanceJobs.leaseUntil} < clock_timestamp()`,
    })
    .returning({ holder: maintenanceJobs.leaseHolder });
  if (taken?.holder !== holder) {
    const [current] = await db
      .select({ until: maintenanceJobs.leaseUntil })
      .from(maintenanceJobs)
      .where(eq(maintenanceJobs.name, job));
    throw new JobBusyError(job, current?.until ?? null);
  }

  const mine = and(eq(maintenanceJobs.name, job), eq(maintenanceJobs.leaseHolder, holder));
  let held = true;
  const renew = async () => {
    try {
      const renewed = await db
        .update(maintenanceJobs)
        .set({ leaseUntil: until })
        .where(mine)
        .returning({ name: maintenanceJobs.name });
      if (renewed.length === 0 && held) {
        held = false;
        log.warn({ job, holder }, "lease lost: another run took over after it lapsed");
      }
    } catch (error) {
      // The database is unreachable: the next renewal tries again; the lease lapses if none succeeds.
      log.warn({ job, holder, err: error }, "lease renewal failed");
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1_000, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    holder,
    get held() {
      return held;
    },
    release: async () => {
      clearInterval(timer);
      held = false;
      await db.update(maintenanceJobs).set({ leaseHolder: null, leaseUntil: null }).where(mine);
    },
  };
}
