import { describe, expect, it } from "vitest";
import { nextState, type RemoteState } from "../lib/payments/transitions";

const remote = (status: RemoteState["status"], accountExpired = false): RemoteState => ({ status, accountExpired });

describe("nextState", () => {
  it("follows PortOne from PENDING", () => {
    expect(nextState("PENDING", remote("READY"), false)).toBe("PENDING");
    expect(nextState("PENDING", remote("PAID"), false)).toBe("PAID");
    expect(nextState("PENDING", remote("VIRTUAL_ACCOUNT_ISSUED"), false)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    expect(nextState("PENDING", remote("FAILED"), false)).toBe("FAILED");
    expect(nextState("PENDING", null, false)).toBe("PENDING");
  });

  it("credits a deposit, and expires an account that passed its due date or was closed", () => {
    expect(nextState("VIRTUAL_ACCOUNT_ISSUED", remote("PAID"), false)).toBe("PAID");
    expect(nextState("VIRTUAL_ACCOUNT_ISSUED", remote("VIRTUAL_ACCOUNT_ISSUED", true), false)).toBe("EXPIRED");
    expect(nextState("VIRTUAL_ACCOUNT_ISSUED", remote("CANCELLED"), false)).toBe("EXPIRED");
    expect(nextState("VIRTUAL_ACCOUNT_ISSUED", remote("VIRTUAL_ACCOUNT_ISSUED"), false)).toBe("VIRTUAL_ACCOUNT_ISSUED");
  });

  it("never loses money that arrived late", () => {
    expect(nextState("FAILED", remote("PAID"), false)).toBe("PAID");
    expect(nextState("EXPIRED", remote("PAID"), false)).toBe("PAID");
  });

  it("never goes backwards from a credited payment", () => {
    expect(nextState("PAID", remote("PAID"), false)).toBe("PAID");
    expect(nextState("PAID", remote("FAILED"), false)).toBe("PAID");
    expect(nextState("PAID", remote("PAID"), true)).toBe("PAID");
  });

  it("rejects an uncredited payment whose record does not match, and stays rejected", () => {
    expect(nextState("PENDING", remote("PAID"), true)).toBe("REJECTED");
    expect(nextState("VIRTUAL_ACCOUNT_ISSUED", remote("VIRTUAL_ACCOUNT_ISSUED"), true)).toBe("REJECTED");
    expect(nextState("REJECTED", remote("PAID"), false)).toBe("REJECTED");
    expect(nextState("REJECTED", remote("CANCELLED"), false)).toBe("REJECTED");
  });

  it("expires an abandoned PENDING payment only when no money is on its way", () => {
    expect(nextState("PENDING", null, false, { abandoned: true })).toBe("EXPIRED");
    expect(nextState("PENDING", remote("READY"), false, { abandoned: true })).toBe("EXPIRED");
    expect(nextState("PENDING", remote("PAY_PENDING"), false, { abandoned: true })).toBe("PENDING");
    expect(nextState("PENDING", remote("PAID"), false, { abandoned: true })).toBe("PAID");
    expect(nextState("PENDING", remote("READY"), false)).toBe("PENDING");
  });
});
