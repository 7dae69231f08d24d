import "server-only";
import bcrypt from "bcryptjs";

// Cost 11: about 0.2 s per hash here (bcryptjs is pure JavaScript, so no native build step),
// slow enough for guessing, quick enough for a sign-in.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let decoyHash: Promise<string> | undefined;

/**
 * Compares against a throwaway hash when the e-mail is unknown, so a miss costs as long as a hit
 * and the response time does not reveal which addresses have accounts.
 */
export async function spendVerifyTime(password: string): Promise<void> {
  decoyHash ??= bcrypt.hash("decoy-password-that-never-matches", COST);
  await bcrypt.compare(password, await decoyHash);
}
