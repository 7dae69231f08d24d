import { describe, expect, it } from "vitest";
import { clientAddress } from "../lib/auth/client-address";

// The chain as the app sees it: whatever the client sent, what each proxy appended, and last the
// socket peer that instrumentation.ts appends.
describe("clientAddress", () => {
  it("with no proxy, is the socket peer whatever the client claims", () => {
    expect(clientAddress("::ffff:10.0.0.5", 0)).toBe("::ffff:10.0.0.5");
    expect(clientAddress("6.6.6.6, 7.7.7.7, ::ffff:10.0.0.5", 0)).toBe("::ffff:10.0.0.5");
  });

  it("behind one proxy, is the address that proxy appended, not the client's own entries", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9,10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("behind two proxies, counts two hops from the right end", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9, 172.16.0.1, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("gives the leftmost entry when the chain is shorter than the proxies configured", () => {
    expect(clientAddress("10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("gives null when there is no chain at all", () => {
    expect(clientAddress(null, 0)).toBeNull();
    expect(clientAddress(" , ", 0)).toBeNull();
  });
});
