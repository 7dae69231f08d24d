import { getRequestConfig } from "next-intl/server";
import { messagesOf } from "./messages";
import { requestLocale, requestTimeZone } from "./request-locale";

// next-intl without i18n routing: URLs stay as they are, the locale comes from the request.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesOf(locale), timeZone: await requestTimeZone() };
});
