import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { DEFAULT_TIME_ZONE, type Locale } from "./locales";
import { formattersOf, type Formatters } from "./formatters";
import { messagesOf, type Messages } from "./messages";

/**
 * A namespace's messages in a language chosen by the caller rather than by the request: e-mail
 * to a user in their `users.locale`, or an agreement rebuilt in the language its form showed.
 */
export function translatorOf<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesOf(locale), namespace });
}

/** Formatters for text written outside a request (e-mail), in Korean Standard Time with the zone named. */
export const formattersIn = (locale: Locale): Formatters => formattersOf(locale, DEFAULT_TIME_ZONE);
