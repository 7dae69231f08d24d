import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import type { Locale } from "./locales";

// Both files are bundled: they are small, and mail is rendered outside any request.
export const MESSAGES = { ko, en } as const;

export type Messages = typeof ko;

export function messagesOf(locale: Locale): Messages {
  return MESSAGES[locale];
}
