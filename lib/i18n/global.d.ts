import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Message keys and the locale are checked by the compiler wherever next-intl is used.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
