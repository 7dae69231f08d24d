"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { currentSession } from "@/lib/auth";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const localeForm = z.object({ locale: z.enum(LOCALES) });

/** The language switch: a cookie for this browser, and the account's language for its e-mail. */
export async function setLocaleAction(form: FormData): Promise<void> {
  const parsed = localeForm.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  const userId = (await currentSession())?.user?.id;
  if (userId) await db.update(users).set({ locale }).where(eq(users.id, userId));
}
