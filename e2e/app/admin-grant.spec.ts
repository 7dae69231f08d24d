import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { runAdminCommand } from "../support/admin-command";
import { AuthPages, newTestUser } from "../support/auth";
import { sql, userIdOf } from "../support/db";
import { E2E_STALE_ADMIN_EMAIL } from "../support/stack-urls";

async function adminStatus(page: Page): Promise<number | undefined> {
  return (await page.goto("/admin"))?.status();
}

test("an address a stale ADMIN_EMAILS still lists gets no admin rights, in upper or lower case", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = { ...newTestUser(), email: E2E_STALE_ADMIN_EMAIL.toUpperCase() };
  await auth.signUp(user);
  await expect(page.getByRole("heading", { name: `안녕하세요, ${user.name}님` })).toBeVisible();
  expect(await adminStatus(page)).toBe(403);
  await expect(page.getByRole("link", { name: "관리자" })).toHaveCount(0);

  await page.goto("/");
  await auth.signOut();
  await auth.signIn(E2E_STALE_ADMIN_EMAIL, user.password);
  await expect(page.getByRole("heading", { name: `안녕하세요, ${user.name}님` })).toBeVisible();
  expect(await adminStatus(page)).toBe(403);
  await expect(page.getByRole("link", { name: "관리자" })).toHaveCount(0);
});

test("the admin command grants, lists and revokes, and the revoke takes effect at once", async ({ page }) => {
  const user = newTestUser();
  await new AuthPages(page).signUp(user);
  expect(await adminStatus(page)).toBe(403);

  const granted = await runAdminCommand("grant", user.email.toUpperCase(), "--by", "e2e operator");
  expect(granted).toMatchObject({ code: 0, stdout: `${user.email} is now an admin.\n` });
  expect(await adminStatus(page)).toBe(200);
  await expect(page.getByRole("link", { name: "관리자" })).toBeVisible();

  const again = await runAdminCommand("grant", user.email, "--by", "e2e operator");
  expect(again).toMatchObject({ code: 0, stdout: `${user.email} is already an admin; nothing changed.\n` });

  const listed = await runAdminCommand("list");
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(
    new RegExp(`^${user.email.replace(/[.]/g, "\\.")}\\tgranted \\S+ by e2e operator$`, "m"),
  );

  const revoked = await runAdminCommand("revoke", user.email);
  expect(revoked).toMatchObject({ code: 0, stdout: `${user.email} is no longer an admin.\n` });
  expect(await adminStatus(page)).toBe(403);
  expect((await runAdminCommand("list")).stdout).not.toContain(user.email);

  const changes = await sql<{ action: string; actor: string }[]>`
    select action, actor from admin_role_changes where user_id = ${await userIdOf(user.email)} order by created_at`;
  expect(changes.map((change) => change.action)).toEqual(["grant", "revoke"]);
  expect(changes[0]!.actor).toBe("e2e operator");
  expect(changes[1]!.actor).toMatch(/^.+@.+$/);
});

test("the admin command refuses an unknown e-mail and a malformed command", async () => {
  const unknown = await runAdminCommand("grant", `nobody-${randomUUID()}@example.com`);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("No account with the e-mail");

  for (const args of [[], ["grant"], ["promote", "someone@example.com"], ["grant", "not-an-email"]]) {
    const usage = await runAdminCommand(...args);
    expect(usage.code, args.join(" ")).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run admin");
  }
});
