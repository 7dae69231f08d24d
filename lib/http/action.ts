import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signedInUser, type SessionUser } from "@/lib/auth/session";
import { adminIdOrNull } from "@/lib/auth/admin";
import { withIncomingRequestId } from "@/lib/observability/request-id";

type Schema = z.ZodObject;
type Field<S extends Schema> = Extract<keyof S["shape"], string>;

/** A refused action: the sentence its form shows, and per field the messages z.flattenError found. */
export type Refusal<K extends string = string> = {
  ok: false;
  error: string;
  fieldErrors?: Partial<Record<K, string[]>>;
  /** What was typed, so a refused form shows it again (React resets a form after its action). */
  values?: Partial<Record<K, string>>;
};

/** What every server action answers. It throws only for bugs. */
export type ActionResult<T = undefined, K extends string = string> = { ok: true; data: T } | Refusal<K>;

/** What `useActionState` holds for a form action: its last answer, null before the first. */
export type ActionState<A extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<A>> | null;

/** A refusal's sentence, or how to find it in the buyer's language (read only when it is needed). */
type Sentence = string | (() => Promise<string>);

const sentence = async (text: Sentence) => (typeof text === "string" ? text : text());

interface FormOptions<S extends Schema> {
  /** The refusal when the input does not parse, forged arguments included. */
  invalid: Sentence;
  /** Fields given back with a refusal to fill the form again (never a password). */
  refill?: readonly Field<S>[];
}

type Gate<U> = () => Promise<ActionResult<U, never>>;

const anyone: Gate<undefined> = async () => ({ ok: true, data: undefined });

const signedIn: Gate<SessionUser> = async () => {
  const user = await signedInUser();
  return user
    ? { ok: true, data: user }
    : { ok: false, error: (await getTranslations("serverErrors"))("signInRequired") };
};

function text(form: FormData, key: string): string | undefined {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
}

async function parse<S extends Schema>(
  schema: S,
  input: unknown,
  invalid: Sentence,
): Promise<ActionResult<z.output<S>, Field<S>>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    error: await sentence(invalid),
    fieldErrors: z.flattenError(parsed.error).fieldErrors as Refusal<Field<S>>["fieldErrors"],
  };
}

function formRunner<S extends Schema, U, T>(
  gate: Gate<U>,
  schema: S,
  fn: (input: z.output<S>, user: U) => Promise<ActionResult<T, Field<S>>>,
  { invalid, refill }: FormOptions<S>,
) {
  return async (_previous: unknown, form: FormData): Promise<ActionResult<T, Field<S>>> =>
    withIncomingRequestId(async () => {
      const user = await gate();
      if (!user.ok) return user;
      // A server action is an HTTP endpoint: its arguments are whatever the request encoded.
      if (!(form instanceof FormData)) return { ok: false, error: await sentence(invalid) };
      // Only the schema's fields, each as text or absent: a file answers none of our questions.
      const fields = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, text(form, key)]));
      const input = await parse(schema, fields, invalid);
      const result = input.ok ? await fn(input.data, user.data) : input;
      if (result.ok || !refill) return result;
      return {
        ...result,
        values: Object.fromEntries(refill.map((key) => [key, text(form, key) ?? ""])) as Refusal<Field<S>>["values"],
      };
    });
}

/** A form anyone may send (sign-in, sign-up). */
export function formAction<S extends Schema, T>(
  schema: S,
  fn: (input: z.output<S>) => Promise<ActionResult<T, Field<S>>>,
  options: FormOptions<S>,
) {
  return formRunner(anyone, schema, (input) => fn(input), options);
}

/** A form of a signed-in user; everyone else is told to sign in. */
export function authedAction<S extends Schema, T>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T, Field<S>>>,
  options: FormOptions<S>,
) {
  return formRunner(signedIn, schema, fn, options);
}

/** A form of an admin (the flag is read from the database on every call); `forbidden` for anyone else. */
export function adminAction<S extends Schema, T>(
  schema: S,
  fn: (input: z.output<S>, adminId: string) => Promise<ActionResult<T, Field<S>>>,
  { forbidden, ...options }: FormOptions<S> & { forbidden: string },
) {
  const admin: Gate<string> = async () => {
    const adminId = await adminIdOrNull();
    return adminId ? { ok: true, data: adminId } : { ok: false, error: forbidden };
  };
  return formRunner(admin, schema, fn, options);
}

/** An action a signed-in user's page calls with an object instead of a form. */
export function authedCall<S extends Schema, T>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T, Field<S>>>,
  { invalid }: { invalid: Sentence },
) {
  return async (input: z.input<S>): Promise<ActionResult<T, Field<S>>> =>
    withIncomingRequestId(async () => {
      const user = await signedIn();
      if (!user.ok) return user;
      const parsed = await parse(schema, input, invalid);
      return parsed.ok ? fn(parsed.data, user.data) : parsed;
    });
}
