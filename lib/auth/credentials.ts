import type { getTranslations } from "next-intl/server";
import { z } from "zod";
import { plainText } from "@/lib/http/plain-text";

/** The sign-up checks' sentences in the buyer's language (messages/*.json "signUpChecks"). */
export type SignUpCheckText = Awaited<ReturnType<typeof getTranslations<"signUpChecks">>>;

export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 128;
const NAME_MAX_LENGTH = 40;

/** An e-mail address as it is kept: trimmed and lower-cased, so one address is one account. */
const emailSchema = (errors: { missing?: string; invalid?: string } = {}) =>
  z
    .string({ error: errors.missing })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: errors.invalid }));

// The credentials provider's check: a refusal is "wrong e-mail or password", whatever failed.
export const signInSchema = z.object({ email: emailSchema(), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

/** What a password sign-up must hold; the server never trusts the form, and says why in the buyer's words. */
export const signUpSchema = (t: SignUpCheckText) =>
  z.object({
    name: plainText(t("nameCharacters"))
      .trim()
      .min(1, { error: t("nameRequired") })
      .max(NAME_MAX_LENGTH, { error: t("nameTooLong", { max: NAME_MAX_LENGTH }) }),
    email: emailSchema({ missing: t("emailRequired"), invalid: t("emailInvalid") }),
    password: z
      .string({ error: t("passwordRequired") })
      .min(PASSWORD_MIN_LENGTH, { error: t("passwordTooShort", { min: PASSWORD_MIN_LENGTH }) })
      .max(PASSWORD_MAX_LENGTH, { error: t("passwordTooLong", { max: PASSWORD_MAX_LENGTH }) }),
  });
