import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { domainSuite, newUser } from "../support/domain";

domainSuite();
let legalDir = "";

// The texts are copied, so a test can change a version as an operator replacing a file would.
beforeAll(async () => {
  legalDir = await mkdtemp(path.join(os.tmpdir(), "points-legal-"));
  await cp("content/legal", legalDir, { recursive: true });
  process.env.LEGAL_CONTENT_DIR = legalDir;
});

async function checkout(userId: string) {
  const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
  return createCheckout({
    userId,
    packageId: "points-1000",
    payOptionId: "card",
    customer: { name: null, email: null },
  });
}

async function consentRows(userId: string) {
  const { db } = await import("@/db");
  return db.$client<{ document: string; version: string; agreed: boolean; context: string }[]>`
    select document, version, agreed, context from consents where user_id = ${userId} order by created_at, document::text`;
}

async function paymentsOf(userId: string) {
  const { db } = await import("@/db");
  return db.$client`select id from payments where user_id = ${userId}`;
}

async function bumpVersion(file: string, version: string) {
  const source = path.join(legalDir, file);
  await writeFile(source, (await readFile(source, "utf8")).replace(/^version: .*$/m, `version: ${version}`));
}

describe("consent before paying", () => {
  it("refuses a checkout until the terms, privacy notice and refund policy in force are agreed to", async () => {
    const { acceptPaymentConsents, paymentConsentsDue } = await import("@/lib/legal/consents");
    const userId = await newUser("no-consent@example.com", { consented: false });
    expect(await checkout(userId)).toEqual({ ok: false, code: "consent_required" });
    expect(await paymentsOf(userId)).toHaveLength(0);

    const due = await paymentConsentsDue(userId);
    expect(due.map((document) => document.id)).toEqual(["terms", "privacy", "refund"]);
    // Agreeing to two of three is not enough.
    const versions = Object.fromEntries(due.map((document) => [document.id, document.version]));
    expect(await acceptPaymentConsents(userId, { terms: versions.terms, privacy: versions.privacy })).toEqual({
      ok: true,
    });
    expect(await checkout(userId)).toEqual({ ok: false, code: "consent_required" });

    expect(await acceptPaymentConsents(userId, { refund: versions.refund })).toEqual({ ok: true });
    expect((await checkout(userId)).ok).toBe(true);
    expect(await consentRows(userId)).toEqual(
      ["privacy", "terms", "refund"].map((document) => ({
        document,
        version: versions[document],
        agreed: true,
        context: "checkout",
      })),
    );
  });

  it("records nothing for a version the server no longer holds", async () => {
    const { acceptPaymentConsents } = await import("@/lib/legal/consents");
    const userId = await newUser("stale-consent@example.com", { consented: false });
    expect(await acceptPaymentConsents(userId, { terms: "1999-01-01" })).toEqual({ ok: false, code: "stale_version" });
    expect(await consentRows(userId)).toEqual([]);
  });

  it("asks again after the refund policy's version changes, for that text only", async () => {
    const { acceptPaymentConsents, paymentConsentsDue } = await import("@/lib/legal/consents");
    const userId = await newUser("version-change@example.com");
    expect(await paymentConsentsDue(userId)).toEqual([]);

    await bumpVersion("refund.md", "2027-01-01");
    try {
      expect((await paymentConsentsDue(userId)).map((document) => [document.id, document.version])).toEqual([
        ["refund", "2027-01-01"],
      ]);
      expect(await checkout(userId)).toEqual({ ok: false, code: "consent_required" });
      expect(await acceptPaymentConsents(userId, { refund: "2027-01-01" })).toEqual({ ok: true });
      expect((await checkout(userId)).ok).toBe(true);
    } finally {
      await cp("content/legal/refund.md", path.join(legalDir, "refund.md"));
    }
  });

  it("records the sign-up's required consents and the optional one's answer with the account", async () => {
    const { signUpConsentRows } = await import("@/lib/legal/consents");
    const { loadLegalDocuments } = await import("@/lib/legal/documents");
    const { createPasswordUser } = await import("@/lib/auth/users");
    const [terms, privacy] = await loadLegalDocuments(["terms", "privacy"]);
    const rows = await signUpConsentRows({ terms: terms!.version, privacy: privacy!.version });
    if (!rows.ok) throw new Error("sign-up consents refused");
    const user = await createPasswordUser(
      { name: "가입자", email: "sign-up@example.com", password: "password-1234" },
      rows.rows,
    );
    expect(await consentRows(user.id)).toEqual([
      { document: "marketing", version: privacy!.version, agreed: false, context: "sign_up" },
      { document: "privacy", version: privacy!.version, agreed: true, context: "sign_up" },
      { document: "terms", version: terms!.version, agreed: true, context: "sign_up" },
    ]);
    expect(await signUpConsentRows({ terms: "old", privacy: privacy!.version })).toEqual({
      ok: false,
      code: "stale_version",
    });
  });

  it("keeps consents append-only: PostgreSQL refuses to change or remove one", async () => {
    const { db } = await import("@/db");
    const userId = await newUser("append-only@example.com");
    await expect(db.$client`update consents set agreed = false where user_id = ${userId}`).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.$client`delete from consents where user_id = ${userId}`).rejects.toThrow(
      /append-only: DELETE refused/,
    );
  });
});
