import { callServerActionAt, type ServerActionCall } from "../../scripts/lib/server-actions";
import type { Page } from "@playwright/test";
import { E2E_APP_URL } from "./stack-urls";

import { serverActionId } from "../../scripts/lib/server-actions";

export { serverActionId, type ServerActionCall } from "../../scripts/lib/server-actions";

/** Calls a server action of the test stack's app over HTTP, as a browser (or an attacker copying it) does. */
export function callServerAction(call: ServerActionCall): Promise<Response> {
  return callServerActionAt(E2E_APP_URL, call);
}

/**
 * The charge page's startCheckoutAction as this page's signed-in user, called with any arguments
 * (as a tampered browser would); resolves with the answer's text.
 */
export async function checkoutAs(page: Page): Promise<(args: unknown) => Promise<string>> {
  const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  return (args) =>
    callServerAction({
      page: "/charge",
      actionId: serverActionId("app/charge/actions.ts", "startCheckoutAction"),
      args: [args],
      headers: { Cookie: cookie },
    }).then((response) => response.text());
}
