import { signInOverHttp } from "../../../e2e/support/credentials-http";
import { callServerActionAt, serverActionId } from "../server-actions";
import { SIM_CRON_SECRET, SIM_SERVICE_API_KEY } from "./stack";

/**
 * The app driven over HTTP as browsers, a host application and a scheduler drive it: server
 * actions posted like React posts them, route handlers, pages. Every answer's status is reported
 * to `observe`, so the checks can tell the app's 5xx apart.
 */
export type Observe = (what: string, status: number) => void;

export interface Session {
  email: string;
  cookie: string;
  /** The payment terms the charge page asked this user to agree to, ticked as a person would. */
  agreed: Record<string, string>;
}

/** The boxes of a page's form, `name="<prefix><id>" value="<version>"`, as ticking them all would send them. */
function consentBoxes(html: string, prefix: string): Record<string, string> {
  const pattern = new RegExp(`name="${prefix}(\\w+)"[^>]*?value="([^"]*)"`, "g");
  return Object.fromEntries([...html.matchAll(pattern)].map((match) => [match[1]!, match[2]!]));
}

const actions = {
  signUp: () => serverActionId("app/(auth)/actions.ts", "signUpAction"),
  checkout: () => serverActionId("app/charge/actions.ts", "startCheckoutAction"),
  refund: () => serverActionId("app/payments/[paymentId]/actions.ts", "refundAction"),
  closeDeposit: () => serverActionId("app/payments/[paymentId]/actions.ts", "closeDepositAction"),
  buy: () => serverActionId("app/shop/actions.ts", "buyItemAction"),
  startRegistration: () => serverActionId("app/account/payment-methods/actions.ts", "startRegistrationAction"),
  createRule: () => serverActionId("app/account/payment-methods/actions.ts", "createLowBalanceRuleAction"),
  stopRule: () => serverActionId("app/account/payment-methods/actions.ts", "stopRuleAction"),
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A server action's return value out of its RSC answer: row 0 points (`"a":"$@N"`) at the row holding it. */
function actionResult(text: string): Record<string, unknown> {
  const rows = new Map(
    text
      .split("\n")
      .flatMap((line) =>
        /^([0-9a-f]+):(.*)$/.exec(line)
          ? [[line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)] as const]
          : [],
      ),
  );
  const head = JSON.parse(rows.get("0") ?? "{}") as { a?: unknown };
  const pointer =
    typeof head.a === "string" && head.a.startsWith("$@") ? rows.get(head.a.slice(2)) : JSON.stringify(head.a ?? {});
  return JSON.parse(pointer ?? "{}") as Record<string, unknown>;
}

export class AppClient {
  constructor(private readonly observe: Observe) {}

  private async action(baseUrl: string, what: string, page: string, actionId: string, args: unknown[], cookie = "") {
    const response = await callServerActionAt(baseUrl, {
      page,
      actionId,
      args,
      headers: cookie ? { Cookie: cookie } : {},
    });
    this.observe(what, response.status);
    const text = await response.text();
    return response.ok ? actionResult(text) : { httpStatus: response.status };
  }

  async signUp(baseUrl: string, email: string, password: string): Promise<Session> {
    const signUpPage = await fetch(`${baseUrl}/sign-up`);
    this.observe("GET /sign-up", signUpPage.status);
    const consents = consentBoxes(await signUpPage.text(), "consent");
    await this.action(baseUrl, "sign-up", "/sign-up", actions.signUp(), [
      {},
      form({
        name: "시뮬레이터",
        email,
        password,
        callbackUrl: "/",
        ...Object.fromEntries(Object.entries(consents).map(([id, version]) => [`consent${id}`, version])),
      }),
    ]);
    const answer = await signInOverHttp({ email, password, baseUrl });
    this.observe("sign-in", answer.status);
    const cookie = answer.setCookies
      .map((value) => value.split(";")[0] ?? "")
      .filter((value) => value.includes("session-token"))
      .join("; ");
    if (!cookie) throw new Error(`sign-in of ${email} gave no session (${answer.status} ${answer.location})`);
    const chargePage = await this.page(baseUrl, { email, cookie, agreed: {} }, "/charge");
    return { email, cookie, agreed: consentBoxes(chargePage.html, "agree-") };
  }

  /** The charge page's checkout; `data` is PortOne V2's request for the window (these stores are on V2). */
  async checkout(baseUrl: string, session: Session, packageId: string, payOptionId: string) {
    const started = await this.action(
      baseUrl,
      "checkout",
      "/charge",
      actions.checkout(),
      [{ packageId, payOptionId, agreed: session.agreed }],
      session.cookie,
    );
    if (started.ok !== true) return started;
    const checkout = started.data as { provider?: string; request?: unknown };
    if (checkout.provider !== "v2") throw new Error(`the store is not on PortOne V2: ${JSON.stringify(checkout)}`);
    return { ...started, data: checkout.request };
  }

  /** What the browser does once PortOne's window resolves (or a host front end). */
  async complete(baseUrl: string, session: Session, paymentId: string): Promise<number> {
    const response = await fetch(`${baseUrl}/api/payments/complete`, {
      method: "POST",
      headers: { Cookie: session.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ paymentId }),
    });
    this.observe("complete", response.status);
    await response.body?.cancel();
    return response.status;
  }

  /** A page visit (the phone's return to redirectUrl, a payment's page); answers the HTML. */
  async page(baseUrl: string, session: Session, pathAndQuery: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${baseUrl}${pathAndQuery}`, {
      headers: { Cookie: session.cookie },
      redirect: "manual",
    });
    this.observe(`GET ${pathAndQuery.split("?")[0]}`, response.status);
    return { status: response.status, html: await response.text() };
  }

  /** The refund form: the amount the page offers, confirmed (bank details for a deposit). */
  async refund(baseUrl: string, session: Session, paymentId: string) {
    const { html } = await this.page(baseUrl, session, `/payments/${paymentId}`);
    const amount = /name="confirmedAmount" value="(\d+)"/.exec(html)?.[1];
    if (!amount) return { offered: false };
    const fields: Record<string, string> = { paymentId, confirmedAmount: amount };
    if (html.includes('name="holderName"'))
      Object.assign(fields, { bank: "KOOKMIN", number: "123456789012", holderName: "홍길동" });
    return {
      offered: true,
      amount: Number(amount),
      ...(await this.action(
        baseUrl,
        "refund",
        `/payments/${paymentId}`,
        actions.refund(),
        [{}, form(fields)],
        session.cookie,
      )),
    };
  }

  closeDeposit(baseUrl: string, session: Session, paymentId: string) {
    return this.action(
      baseUrl,
      "close deposit",
      `/payments/${paymentId}`,
      actions.closeDeposit(),
      [{}, form({ paymentId })],
      session.cookie,
    );
  }

  buy(baseUrl: string, session: Session, itemId: string) {
    return this.action(baseUrl, "shop", "/shop", actions.buy(), [{}, form({ itemId })], session.cookie);
  }

  /** The payment-methods page's 카드 등록 (or 카카오페이 등록, …): PortOne's request for its window. */
  startRegistration(baseUrl: string, session: Session, method: "card" | "kakaopay" = "card") {
    return this.action(
      baseUrl,
      "payment method registration",
      "/account/payment-methods",
      actions.startRegistration(),
      [{ method }],
      session.cookie,
    );
  }

  /**
   * The low-balance rule form as a person fills it on the page: the first registered card, the
   * agreement version the page shows, the box ticked; a rule set before is stopped first.
   */
  async createLowBalanceRule(
    baseUrl: string,
    session: Session,
    rule: { packageId: string; threshold: number; monthlyLimit: number },
  ) {
    let { html } = await this.page(baseUrl, session, "/account/payment-methods");
    // A rule already set is stopped first (해지), as a person changing it does.
    const ruleId = /name="ruleId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    if (ruleId) {
      await this.action(
        baseUrl,
        "stop auto-charge rule",
        "/account/payment-methods",
        actions.stopRule(),
        [{}, form({ ruleId })],
        session.cookie,
      );
      ({ html } = await this.page(baseUrl, session, "/account/payment-methods"));
    }
    const paymentMethodId = /name="paymentMethodId"[^>]*>\s*<option value="([0-9a-f-]{36})"/.exec(html)?.[1];
    const agreedVersion = /name="agreedVersion" value="([^"]+)"/.exec(html)?.[1];
    // The language the agreement was shown in: the server records it in that language.
    const agreedLocale = /name="agreedLocale" value="([^"]+)"/.exec(html)?.[1];
    if (!paymentMethodId || !agreedVersion || !agreedLocale) return { offered: false };
    return this.action(
      baseUrl,
      "auto-charge rule",
      "/account/payment-methods",
      actions.createRule(),
      [
        {},
        form({
          paymentMethodId,
          packageId: rule.packageId,
          threshold: String(rule.threshold),
          monthlyLimit: String(rule.monthlyLimit),
          agreed: "on",
          agreedVersion,
          agreedLocale,
        }),
      ],
      session.cookie,
    );
  }

  async serviceSpend(baseUrl: string, body: { userId: string; amount: number; description: string }, key: string) {
    const response = await fetch(`${baseUrl}/api/points/spend`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${SIM_SERVICE_API_KEY}`,
        "Idempotency-Key": key,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
    this.observe("service spend", response.status);
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as Record<string, unknown> | null,
    };
  }

  async reconcile(baseUrl: string, staleAfterMinutes?: number): Promise<ReconcileAnswer> {
    const query = staleAfterMinutes === undefined ? "" : `?staleAfterMinutes=${staleAfterMinutes}`;
    // A run whose instance was killed holds the lease until it lapses (RECONCILE_LEASE_SECONDS
    // of the stack): meanwhile the app answers 409 and this asks again.
    for (let waited = 0; ; waited += 500) {
      const response = await fetch(`${baseUrl}/api/reconcile${query}`, {
        headers: { Authorization: `Bearer ${SIM_CRON_SECRET}` },
      });
      this.observe("reconcile", response.status);
      if (response.status === 409 && waited < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      if (!response.ok) throw new Error(`reconcile answered ${response.status}`);
      return (await response.json()) as ReconcileAnswer;
    }
  }
}

export interface ReconcileAnswer {
  changes: unknown[];
  refunds: { refundId: string; outcome: string }[];
  rejected: unknown[];
  unknownAtPortOne: unknown[];
  ledgerViolations: unknown[];
  errors: unknown[];
}
