import type { Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";
import { translatorOf } from "@/lib/i18n/translator";
import type { RuleEventType } from "./rule-events";

const isEventType = (type: string): type is RuleEventType => Object.hasOwn(messagesOf("ko").ruleEvents, type);

/**
 * How a rule's timeline names its events (messages `ruleEvents`), for the user's and the admin's
 * screens; the admin's are Korean. An unknown type is shown as it is stored.
 */
export const ruleEventTitle = (type: string, locale: Locale = "ko"): string =>
  isEventType(type) ? translatorOf(locale, "ruleEvents")(type) : type;
