import { z } from "zod";

// C0 and C1 control characters. PostgreSQL refuses NUL in text (every retry would fail the same
// way), and no field of ours has a use for the others.
const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// A lone surrogate is no character at all: UTF-8 cannot carry it and encodeURIComponent throws.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string from outside (a form, a JSON body, a URL) that holds no control characters. A field a
 * buyer fills in passes its sentence in the buyer's language; the default is for programs (the
 * service API, webhooks), whose other answers are English too, and for ids no form shows an error for.
 */
export function plainText(error = "contains characters that cannot be used") {
  return z
    .string()
    .regex(WITHOUT_CONTROL_CHARACTERS, { error })
    .refine((value) => !LONE_SURROGATE.test(value), { error });
}

/** A paymentId as a client sends it back; ours are short ASCII, so anything else is not found. */
export const paymentIdSchema = plainText().min(1).max(128);
