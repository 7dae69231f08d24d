import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { AuthPages, newTestUser } from "../support/auth";
import { ledgerOf, userIdOf } from "../support/db";
import { expect, test } from "../support/fixtures";
import { callServerAction, serverActionId } from "../support/server-actions";
import { E2E_APP_URL, E2E_SERVICE_API_KEY } from "../support/stack-urls";

const signUpAction = () => serverActionId("app/(auth)/actions.ts", "signUpAction");

test("a NUL in a paymentId, a spend description or a sign-up name is refused with a 4xx", async ({ page, user }) => {
  const completion = await page.request.post("/api/payments/complete", { data: { paymentId: "pc-\u0000" } });
  baseExpect(completion.status()).toBe(400);

  const spend = await page.request.post("/api/points/spend", {
    headers: { Authorization: `Bearer ${E2E_SERVICE_API_KEY}`, "Idempotency-Key": randomUUID() },
    data: { userId: await userIdOf(user.email), amount: 1, description: "아이템\u0000" },
  });
  baseExpect(spend.status()).toBe(400);
  baseExpect(await spend.json()).toMatchObject({ error: "invalid_request" });

  await page.goto("/charge/result?paymentId=pc-%00");
  await expect(page.getByRole("heading", { name: "찾을 수 없습니다" })).toBeVisible();
  expect(await ledgerOf(user.email)).toEqual([]);
});

test("sign-up refuses a name with a control character and says so", async ({ page }) => {
  const auth = new AuthPages(page);
  await auth.signUp({ ...newTestUser(), name: "이름\u0000" });
  await expect(page.getByText("이름에 쓸 수 없는 문자가 들어 있습니다.")).toBeVisible();
  expect(await auth.hasSessionCookie()).toBe(false);
});

test("server actions called with arguments that are not a form answer without a 5xx", async () => {
  for (const args of [[{}, "not a form"], [{}, null], [{}, { name: "x" }], ["only one"], []]) {
    const response = await callServerAction({ page: "/sign-up", actionId: signUpAction(), args });
    baseExpect(response.status, JSON.stringify(args)).toBe(200);
  }
});

test("cross-origin and undecodable server-action posts are refused with 403 and 400", async () => {
  const form = new FormData();
  form.set("name", "x");
  const crossOrigin = await callServerAction({
    page: "/sign-up",
    actionId: signUpAction(),
    args: [{}, form],
    headers: { Origin: "https://evil.example" },
  });
  baseExpect(crossOrigin.status).toBe(403);
  for (const rawBody of [
    { body: "not json", contentType: "text/plain;charset=UTF-8" },
    { body: "--x\r\nbroken", contentType: "multipart/form-data; boundary=x" },
  ]) {
    const response = await callServerAction({ page: "/sign-up", actionId: signUpAction(), rawBody });
    baseExpect(response.status, rawBody.body).toBe(400);
  }
});

test("next-auth answers an undecodable path with 400 and a malformed callback cookie without a 5xx", async ({
  request,
}) => {
  baseExpect((await fetch(`${E2E_APP_URL}/api/auth/%`)).status).toBe(400);
  for (const value of ["%", "%E0%A4%A", "not a url", "//evil.example"]) {
    for (const path of ["/api/auth/signin", "/api/auth/session", "/api/auth/csrf"]) {
      const response = await request.get(path, {
        headers: { cookie: `authjs.callback-url=${value}` },
        maxRedirects: 0,
      });
      baseExpect(response.status(), `${path} with authjs.callback-url=${value}`).toBeLessThan(500);
      const location = response.headers()["location"];
      if (location) baseExpect(new URL(location, E2E_APP_URL).origin).toBe(E2E_APP_URL);
    }
  }
});
