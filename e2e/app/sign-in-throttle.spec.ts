import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { AuthPages, newTestUser } from "../support/auth";
import { outcomeOf, randomLoopbackAddress, signInOverHttp } from "../support/credentials-http";

// The rules README.md states (lib/auth/throttle.ts): failures in 15 minutes per address, and per
// e-mail from one address. Each test connects from loopback addresses of its own.
const FAILURES_PER_ADDRESS = 30;
const FAILURES_PER_EMAIL_AND_ADDRESS = 5;

test("rotating X-Forwarded-For does not get round the per-address limit", async ({ page }) => {
  const owner = newTestUser();
  await new AuthPages(page).signUp(owner);
  const attacker = randomLoopbackAddress();

  for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt += 1) {
    const answer = await signInOverHttp({
      email: `guess-${attempt}-${randomUUID()}@example.com`,
      password: "guessed-password",
      from: attacker,
      forwardedFor: `198.51.100.${attempt + 1}`,
    });
    expect(outcomeOf(answer), `attempt ${attempt + 1}`).toBe("wrong-password");
  }
  // Even the right password, under yet another claimed address, is refused from that connection…
  const fromAttacker = await signInOverHttp({ ...owner, from: attacker, forwardedFor: "203.0.113.200" });
  expect(outcomeOf(fromAttacker)).toBe("throttled");
  // …while the owner, connecting from elsewhere, is not affected.
  expect(outcomeOf(await signInOverHttp({ ...owner, from: randomLoopbackAddress() }))).toBe("signed-in");
});

test("wrong passwords from one address do not lock the owner out from another", async ({ page }) => {
  const owner = newTestUser();
  await new AuthPages(page).signUp(owner);
  const attacker = randomLoopbackAddress();

  for (let attempt = 0; attempt < FAILURES_PER_EMAIL_AND_ADDRESS; attempt += 1) {
    const answer = await signInOverHttp({ email: owner.email, password: `wrong-${attempt}`, from: attacker });
    expect(outcomeOf(answer), `attempt ${attempt + 1}`).toBe("wrong-password");
  }
  expect(outcomeOf(await signInOverHttp({ ...owner, from: attacker }))).toBe("throttled");
  expect(outcomeOf(await signInOverHttp({ ...owner, from: randomLoopbackAddress() }))).toBe("signed-in");
});
