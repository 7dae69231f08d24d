import { expect, test } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { outcomeOf, signInOverHttp } from "../support/credentials-http";
import { E2E_APP_URL, E2E_HTTPS_ORIGIN_APP_URL } from "../support/stack-urls";
import { waitForApp } from "../support/wait-for-app";

const HSTS = "max-age=63072000; includeSubDomains";

test("with an https public origin the session cookie is Secure and HSTS is sent, even when reached over http", async ({
  page,
}) => {
  await waitForApp(E2E_HTTPS_ORIGIN_APP_URL);
  const user = newTestUser();
  await new AuthPages(page).signUp(user);

  const answer = await signInOverHttp({ ...user, baseUrl: E2E_HTTPS_ORIGIN_APP_URL });
  expect(outcomeOf(answer)).toBe("signed-in");
  const session = answer.setCookies.find((cookie) => cookie.includes("authjs.session-token="));
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/;\s*Secure(;|$)/i);
  expect(session).toMatch(/;\s*HttpOnly(;|$)/i);

  for (const path of ["/", "/sign-in", "/api/health", "/api/auth/csrf"]) {
    const response = await fetch(`${E2E_HTTPS_ORIGIN_APP_URL}${path}`, { redirect: "manual" });
    expect(response.headers.get("strict-transport-security"), path).toBe(HSTS);
  }
});

test("the plain-http deployment sends no HSTS and no Secure-only cookie", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/api/health", "/api/auth/csrf"]) {
    const response = await fetch(`${E2E_APP_URL}${path}`, { redirect: "manual" });
    expect(response.headers.get("strict-transport-security"), path).toBeNull();
  }
  const user = newTestUser();
  await new AuthPages(page).signUp(user);
  const answer = await signInOverHttp(user);
  const session = answer.setCookies.find((cookie) => cookie.includes("authjs.session-token="));
  expect(session).toMatch(/^authjs\.session-token=/);
});
