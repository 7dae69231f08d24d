import { describe, expect, it } from "vitest";
import { planOAuthAccount, providerVerifiedEmail } from "../lib/auth/oauth-identity";

describe("providerVerifiedEmail", () => {
  it("takes Kakao's address only when Kakao says it is valid and verified", () => {
    const account = (flags: object) => ({ id: 1, kakao_account: { email: "Someone@Example.com", ...flags } });
    expect(providerVerifiedEmail("kakao", account({ is_email_valid: true, is_email_verified: true }))).toBe(
      "someone@example.com",
    );
    expect(providerVerifiedEmail("kakao", account({ is_email_valid: true, is_email_verified: false }))).toBeNull();
    expect(providerVerifiedEmail("kakao", account({ is_email_valid: false, is_email_verified: true }))).toBeNull();
    expect(providerVerifiedEmail("kakao", account({}))).toBeNull();
    // The flag only counts inside kakao_account, where Kakao puts it.
    expect(
      providerVerifiedEmail("kakao", { is_email_verified: true, kakao_account: { email: "a@example.com" } }),
    ).toBeNull();
  });

  it("never trusts Naver's address, which comes without any verification flag", () => {
    expect(providerVerifiedEmail("naver", { response: { id: "n1", email: "someone@example.com" } })).toBeNull();
    expect(providerVerifiedEmail("naver", { email: "someone@example.com", email_verified: true })).toBeNull();
  });

  it("takes Google's address only with email_verified true (not a truthy string)", () => {
    expect(providerVerifiedEmail("google", { email: "someone@example.com", email_verified: true })).toBe(
      "someone@example.com",
    );
    expect(providerVerifiedEmail("google", { email: "someone@example.com", email_verified: false })).toBeNull();
    expect(providerVerifiedEmail("google", { email: "someone@example.com", email_verified: "false" })).toBeNull();
    expect(providerVerifiedEmail("google", { email: "someone@example.com" })).toBeNull();
  });

  it("trusts no address from a provider it does not know", () => {
    expect(providerVerifiedEmail("github", { email: "someone@example.com", email_verified: true })).toBeNull();
    expect(providerVerifiedEmail("google", undefined)).toBeNull();
  });
});

describe("planOAuthAccount", () => {
  const identity = { provider: "google", providerAccountId: "g-1" };
  const placeholder = "google-g-1@users.noreply.invalid";

  it("attaches a verified address to an account that got the same address through OAuth", () => {
    expect(
      planOAuthAccount({ ...identity, verifiedEmail: "a@example.com", holder: { id: "u1", hasPassword: false } }),
    ).toEqual({ attachTo: "u1" });
  });

  it("never attaches to a password account, whose address nobody proved", () => {
    expect(
      planOAuthAccount({ ...identity, verifiedEmail: "a@example.com", holder: { id: "u1", hasPassword: true } }),
    ).toEqual({
      createWithEmail: placeholder,
    });
  });

  it("gives an unverified identity an account of its own under a placeholder address", () => {
    expect(planOAuthAccount({ ...identity, verifiedEmail: null, holder: undefined })).toEqual({
      createWithEmail: placeholder,
    });
  });

  it("gives a verified address nobody holds to the new account", () => {
    expect(planOAuthAccount({ ...identity, verifiedEmail: "a@example.com", holder: undefined })).toEqual({
      createWithEmail: "a@example.com",
    });
  });
});
