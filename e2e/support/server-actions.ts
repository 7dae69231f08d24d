import { callServerActionAt, type ServerActionCall } from "../../scripts/lib/server-actions";
import { E2E_APP_URL } from "./stack-urls";

export { serverActionId, type ServerActionCall } from "../../scripts/lib/server-actions";

/** Calls a server action of the test stack's app over HTTP, as a browser (or an attacker copying it) does. */
export function callServerAction(call: ServerActionCall): Promise<Response> {
  return callServerActionAt(E2E_APP_URL, call);
}
