import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { oauthAccounts, users } from "@/db/schema";
import { insertConsents } from "@/lib/legal/consents";
import { planOAuthAccount } from "./oauth-identity";
import { hashPassword } from "./password";

export class EmailTakenError extends Error {
  constructor() {
    super("email already registered");
  }
}

export async function findUserByEmail(email: string) {
  return db.query.users.findFirst({ where: eq(users.email, email) });
}

/** What the account page shows of its owner. */
export async function findProfile(userId: string) {
  return db.query.users.findFirst({
    where: eq(users.id, userId),
    columns: { email: true, name: true, createdAt: true },
  });
}

type SignUpConsents = Parameters<typeof insertConsents>[2];

/** The account and the consents given on the sign-up form, together or not at all. */
export async function createPasswordUser(
  input: { name: string; email: string; password: string },
  signUpConsents: SignUpConsents,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // ON CONFLICT instead of a look-up first: two sign-ups racing for one address cannot both win.
    const [created] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!created) throw new EmailTakenError();
    await insertConsents(tx, created.id, signUpConsents, "sign_up");
    return created;
  });
}

/** Finds or creates the user behind an OAuth identity (the rules: planOAuthAccount). */
export async function upsertOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  verifiedEmail: string | null;
  name: string | null;
}) {
  return db.transaction(async (tx) => {
    const linked = await tx
      .select({ id: users.id })
      .from(oauthAccounts)
      .innerJoin(users, eq(users.id, oauthAccounts.userId))
      .where(
        sql`${oauthAccounts.provider} = ${input.provider} and ${oauthAccounts.providerAccountId} = ${input.providerAccountId}`,
      );
    if (linked[0]) return linked[0].id;

    const holder = input.verifiedEmail
      ? await tx.query.users.findFirst({
          where: eq(users.email, input.verifiedEmail),
          columns: { id: true, passwordHash: true },
        })
      : undefined;
    const plan = planOAuthAccount({
      ...input,
      holder: holder && { id: holder.id, hasPassword: holder.passwordHash !== null },
    });
    const userId =
      "attachTo" in plan
        ? plan.attachTo
        : (
            await tx.insert(users).values({ email: plan.createWithEmail, name: input.name }).returning({ id: users.id })
          )[0]!.id;
    await tx
      .insert(oauthAccounts)
      .values({ provider: input.provider, providerAccountId: input.providerAccountId, userId });
    return userId;
  });
}
