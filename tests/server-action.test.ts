import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const session = vi.hoisted(() => ({
  user: null as { id: string; name: string | null; email: string | null } | null,
  admin: false,
  locale: "ko" as "ko" | "en",
}));
vi.mock("next-intl/server", async () =>
  (await import("./support/request-translations")).requestTranslationsIn(() => session.locale),
);
vi.mock("@/lib/auth/session", () => ({ signedInUser: async () => session.user }));
vi.mock("@/lib/auth/admin", () => ({ adminIdOrNull: async () => (session.admin ? session.user?.id : null) ?? null }));

const { adminAction, authedAction, authedCall, formAction } = await import("../lib/http/action");

const schema = z.object({ name: z.string().min(2, "두 글자 이상"), secret: z.string().min(1) });
const echo = async (input: z.output<typeof schema>) => ({ ok: true as const, data: input.name });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeEach(() => {
  session.user = null;
  session.admin = false;
  session.locale = "ko";
});

describe("formAction", () => {
  const action = formAction(schema, echo, { invalid: "확인해 주세요.", refill: ["name"] });

  it("runs the function with the parsed form", async () => {
    expect(await action(null, form({ name: "홍길동", secret: "x" }))).toEqual({ ok: true, data: "홍길동" });
  });

  it("refuses an invalid form with z.flattenError's field errors and the refilled fields only", async () => {
    expect(await action(null, form({ name: "a", secret: "hidden" }))).toEqual({
      ok: false,
      error: "확인해 주세요.",
      fieldErrors: { name: ["두 글자 이상"] },
      values: { name: "a" },
    });
  });

  it("refuses arguments that are not a form instead of throwing", async () => {
    for (const forged of [null, "not a form", { name: "x" }, undefined]) {
      expect(await action(null, forged as unknown as FormData)).toEqual({ ok: false, error: "확인해 주세요." });
    }
  });

  it("reads a file where text belongs as no answer", async () => {
    const data = form({ secret: "x" });
    data.set("name", new Blob(["홍길동"]));
    expect(await action(null, data)).toMatchObject({ ok: false, values: { name: "" } });
  });
});

describe("authedAction and authedCall", () => {
  it("tell a visitor without a session to sign in before reading the input", async () => {
    const fn = vi.fn(echo);
    expect(await authedAction(schema, fn, { invalid: "x" })(null, "forged" as unknown as FormData)).toEqual({
      ok: false,
      error: "로그인이 필요합니다.",
    });
    expect(await authedCall(schema, fn, { invalid: "x" })({ name: "홍길동", secret: "x" })).toEqual({
      ok: false,
      error: "로그인이 필요합니다.",
    });
    expect(fn).not.toHaveBeenCalled();
  });

  it("tell it in the request's language", async () => {
    session.locale = "en";
    expect(await authedCall(schema, echo, { invalid: "x" })({ name: "Jane", secret: "x" })).toEqual({
      ok: false,
      error: "Please sign in.",
    });
  });

  it("pass the session user on", async () => {
    session.user = { id: "u1", name: null, email: "a@example.com" };
    const call = authedCall(schema, async (input, user) => ({ ok: true, data: `${user.id}:${input.name}` }), {
      invalid: "x",
    });
    expect(await call({ name: "홍길동", secret: "x" })).toEqual({ ok: true, data: "u1:홍길동" });
    expect(await call(null as never)).toMatchObject({ ok: false, error: "x" });
  });
});

describe("adminAction", () => {
  it("refuses a signed-in user who is not an admin", async () => {
    session.user = { id: "u1", name: null, email: null };
    const action = adminAction(schema, echo, { forbidden: "관리자만", invalid: "x" });
    expect(await action(null, form({ name: "홍길동", secret: "x" }))).toEqual({ ok: false, error: "관리자만" });
    session.admin = true;
    expect(await action(null, form({ name: "홍길동", secret: "x" }))).toEqual({ ok: true, data: "홍길동" });
  });
});
