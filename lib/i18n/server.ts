import "server-only";
import { formattersOf, type Formatters } from "./formatters";
import { requestLocale, requestTimeZone } from "./request-locale";

/** Server components' and actions' formatters for this request's buyer. */
export async function getFormatters(): Promise<Formatters> {
  return formattersOf(await requestLocale(), await requestTimeZone());
}
