"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FailureExplanation } from "@/app/_components/failure-explanation";
import { FormAlert, Spinner } from "@/app/_components/form-controls";
import { useFormatters } from "@/lib/i18n/client";
import type { ChargeCatalog } from "@/lib/payments/catalog/charge-catalog";
import type { PayOptionId } from "@/lib/payments/catalog/pay-option-table";
import type { Currency } from "@/lib/money/currencies";
import { abandonPaymentAction, completePaymentAction, startCheckoutAction } from "./actions";
import type { PaymentConsentPrompt } from "@/lib/legal/consents";
import { checkCashReceipt } from "@/lib/payments/cash-receipt";
import { CashReceiptFields, type CashReceiptChoice } from "./cash-receipt-fields";
import { ChoiceCard, ChoiceFieldset } from "./choice-card";
import { agreedConsents, ConsentFields } from "./consent-fields";
import { rememberLeftForPortOne, takeLeftForPortOne } from "./left-for-portone";
import { OrderSummary } from "./order-summary";
import { PaymentWindowPanel } from "./payment-window-panel";
import { PaymentModuleUnavailable } from "./load-script";
import { openCheckoutWindow, PAYMENT_UI_CONTAINER_CLASS, type PaymentWindow } from "./portone-browser";

// On a phone the packages and methods fill more than one screen: the pay button stays at the
// bottom of it while the form scrolls. A PC shows it with the summary, one short scroll away at most.
const STICKY_PAY_BUTTON =
  "max-sm:[&>button[type=submit]]:sticky max-sm:[&>button[type=submit]]:bottom-3 max-sm:[&>button[type=submit]]:z-10 max-sm:[&>button[type=submit]]:shadow-lg";

type Phase = "idle" | "preparing" | "paying" | "confirming";

// After this long without an answer from PortOne's window, the panel says what may be wrong.
const WINDOW_SLOW_MS = 20_000;

// What PortOne's window ends in when the buyer completed it.
const COMPLETED_WINDOW: readonly string[] = ["PAID", "VIRTUAL_ACCOUNT_ISSUED"];

const resultPath = (paymentId: string) => `/charge/result?paymentId=${encodeURIComponent(paymentId)}`;

type Catalog = ChargeCatalog;

/** The currency to start in: the chosen option's, else dollars for an English buyer where offered, else won. */
function startingCurrency(catalog: Catalog, locale: string, payOptionId: string | undefined): Currency {
  const chosen = catalog.payOptions.find((option) => option.id === payOptionId);
  if (chosen) return chosen.currency;
  if (locale === "en" && catalog.currencies.includes("USD")) return "USD";
  return catalog.currencies[0] ?? "KRW";
}

/** The packages sold in `currency`, and the package to start with there: the one asked for, else the first with a bonus. */
function packagesIn(catalog: Catalog, currency: Currency) {
  return catalog.packages.flatMap((pack) => {
    const price = pack.prices[currency];
    return price === undefined ? [] : [{ ...pack, price }];
  });
}
function startingPackage(catalog: Catalog, currency: Currency, wanted: string | undefined): string {
  const sold = packagesIn(catalog, currency);
  return (sold.find((pack) => pack.id === wanted) ?? sold.find((pack) => pack.bonusPoints > 0) ?? sold[0])?.id ?? "";
}

/** PortOne's window ended in a failure: the PG declined, or the buyer cancelled inside it. */
class WindowFailed extends Error {
  constructor(
    readonly payOptionId: string,
    readonly pgMessage: string | null,
  ) {
    super(pgMessage ?? "");
  }
}

export function ChargeForm({
  catalog,
  consent,
  initialChoice = {},
  portoneScriptUrl,
}: {
  catalog: ChargeCatalog;
  /** The texts this buyer still has to agree to before paying (none once agreed). */
  consent: PaymentConsentPrompt;
  /** The package and pay option to start from (다시 결제하기 brings the buyer back with them). */
  initialChoice?: { packageId?: string; payOptionId?: string };
  /** The PortOne stand-in's browser script (the emulator's); unset = PortOne's CDN. */
  portoneScriptUrl?: string;
}) {
  const router = useRouter();
  const t = useTranslations("chargeForm");
  const optionNames = useTranslations("payOptionNames");
  const currencyNames = useTranslations("currencyNames");
  const receiptText = useTranslations("cashReceipt");
  const format = useFormatters();
  const [currency, setCurrency] = useState(() => startingCurrency(catalog, format.locale, initialChoice.payOptionId));
  const [packageId, setPackageId] = useState(() => startingPackage(catalog, currency, initialChoice.packageId));
  const firstOptionIn = (wanted: Currency) => catalog.payOptions.find((option) => option.currency === wanted)?.id ?? "";
  const [payOptionId, setPayOptionId] = useState(
    catalog.payOptions.find((option) => option.id === initialChoice.payOptionId)?.id ?? firstOptionIn(currency),
  );
  const [cashReceipt, setCashReceipt] = useState<CashReceiptChoice>({ type: "NONE", identifier: "" });
  const [cashReceiptError, setCashReceiptError] = useState<string>();
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<WindowFailed>();
  const [slow, setSlow] = useState(false);
  const [hasPopup, setHasPopup] = useState(false);
  const paymentWindow = useRef<PaymentWindow | null>(null);
  const paymentButton = useRef<HTMLDivElement>(null);
  const packages = packagesIn(catalog, currency);
  const payOptions = catalog.payOptions.filter((option) => option.currency === currency);
  const selected = packages.find((pack) => pack.id === packageId);
  const chosenOption = payOptions.find((option) => option.id === payOptionId);
  const currencyGroup = { name: "currency", chosen: currency, choose: chooseCurrency };
  const packageGroup = { name: "package", chosen: packageId, choose: choosePackage };
  const payOptionGroup = { name: "payOption", chosen: payOptionId, choose: choosePayOption };
  const optionName = (id: string) => optionNames(id as PayOptionId);
  const paysByPgButton = chosenOption?.paymentUi !== undefined;
  const busy = phase !== "idle";

  // While the window is open: notice a popup once it appears, and say so when nothing happens.
  useEffect(() => {
    if (phase !== "paying") return;
    const slowTimer = setTimeout(() => setSlow(true), WINDOW_SLOW_MS);
    const popupWatch = setInterval(() => setHasPopup(paymentWindow.current?.popup() != null), 500);
    return () => {
      clearTimeout(slowTimer);
      clearInterval(popupWatch);
    };
  }, [phase]);

  // A phone that backs out of PortOne's page comes back here, freshly loaded or as it was left
  // (the back-forward cache, still saying the window is open): the attempt is over, unless
  // PortOne completed it after all, and the buyer can pay again.
  useEffect(() => {
    async function backFromPortOne() {
      const paymentId = takeLeftForPortOne();
      if (!paymentId) return;
      setPhase("idle");
      const synced = await abandonPaymentAction({ paymentId });
      if (synced.ok && COMPLETED_WINDOW.includes(synced.data.status)) {
        router.push(resultPath(paymentId));
      } else if (synced.ok && synced.data.status !== "PENDING") {
        setError(t("previousNotCompleted"));
      }
    }
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void backFromPortOne();
    };
    void backFromPortOne();
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [router, t]);

  // The choice is kept in the URL (replacing, not adding, a history entry), so going back from
  // PortOne's page or signing in again finds it still chosen.
  function remember(choice: { packageId: string; payOptionId: string }) {
    const query = new URLSearchParams({ package: choice.packageId, method: choice.payOptionId });
    window.history.replaceState(null, "", `?${query.toString()}`);
  }
  function choosePackage(id: string) {
    setPackageId(id);
    remember({ packageId: id, payOptionId });
  }
  function choosePayOption(id: string) {
    setPayOptionId(id);
    remember({ packageId, payOptionId: id });
  }
  // Another currency has its own options and prices: the package stays where it is sold in it.
  function chooseCurrency(value: string) {
    const next = catalog.currencies.find((candidate) => candidate === value);
    if (!next) return;
    const nextPackage = startingPackage(catalog, next, packageId);
    const nextOption = firstOptionIn(next);
    setCurrency(next);
    setPackageId(nextPackage);
    setPayOptionId(nextOption);
    remember({ packageId: nextPackage, payOptionId: nextOption });
  }

  async function pay(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const agreed = agreedConsents(form);
    const receipt = requestedCashReceipt();
    if (receipt === "invalid") {
      form.querySelector<HTMLInputElement>("input[name=cashReceiptIdentifier]")?.focus();
      return;
    }
    setError(undefined);
    setFailed(undefined);
    setSlow(false);
    setHasPopup(false);
    setPhase("preparing");
    let paymentId: string | undefined;
    let syncedOnServer = false;
    try {
      const started = await startCheckoutAction({ packageId, payOptionId, agreed, cashReceipt: receipt });
      if (!started.ok) throw new Error(started.error);
      paymentId = started.data.paymentId;
      setPhase("paying");
      const opened = openCheckoutWindow(started.data, portoneScriptUrl);
      paymentWindow.current = opened;
      const result = await opened.result;
      if (result.kind === "redirecting") {
        rememberLeftForPortOne(paymentId);
        return;
      }
      if (result.kind !== "approved") {
        // Nobody is in the window any more: the server expires the attempt, unless PortOne
        // reports it went through after all (then it is credited and shown).
        setPhase("confirming");
        syncedOnServer = true;
        const synced = await abandonPaymentAction({ paymentId });
        if (synced.ok && COMPLETED_WINDOW.includes(synced.data.status)) {
          showResult(paymentId);
          return;
        }
        throw result.kind === "failed" ? new WindowFailed(payOptionId, result.message) : new Error(t("cancelled"));
      }
      setPhase("confirming");
      await completePaymentAction({ paymentId: result.paymentId });
      showResult(result.paymentId);
    } catch (caught) {
      // The window never opened (PortOne unreachable, its script failed): the attempt is over.
      if (paymentId && !syncedOnServer) void abandonPaymentAction({ paymentId });
      // A decline is explained in words for the chosen method, as the payment's own page does.
      if (caught instanceof WindowFailed) setFailed(caught);
      else if (caught instanceof PaymentModuleUnavailable) setError(t("moduleUnavailable"));
      else setError(caught instanceof Error ? caught.message : t("couldNotPay"));
      setPhase("idle");
    } finally {
      paymentWindow.current = null;
      // PayPal's button belongs to the attempt that just ended.
      paymentButton.current?.replaceChildren();
    }
  }

  /** The cash receipt to ask PortOne for, if any; "invalid" when the number typed cannot be used. */
  function requestedCashReceipt() {
    if (!chosenOption?.cashReceipt || cashReceipt.type === "NONE") return undefined;
    const checked = checkCashReceipt(cashReceipt.type, cashReceipt.identifier);
    setCashReceiptError(checked.ok ? undefined : receiptText(`problems.${checked.problem}`));
    return checked.ok ? { type: cashReceipt.type, identifier: cashReceipt.identifier } : ("invalid" as const);
  }

  function showResult(paymentId: string) {
    router.push(resultPath(paymentId));
    router.refresh();
  }

  return (
    <form onSubmit={pay} className={`space-y-6 ${STICKY_PAY_BUTTON}`} aria-busy={busy}>
      {catalog.currencies.length > 1 ? (
        <ChoiceFieldset legend={t("currency")} disabled={busy} gridClass="gap-2 grid-cols-2 sm:grid-cols-4">
          {catalog.currencies.map((code) => (
            <ChoiceCard
              key={code}
              group={currencyGroup}
              value={code}
              className="flex items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-2 text-center text-sm font-medium has-[:checked]:text-brand-700"
            >
              {currencyNames(code)}
            </ChoiceCard>
          ))}
        </ChoiceFieldset>
      ) : null}

      <ChoiceFieldset legend={t("packages")} disabled={busy} gridClass="gap-3 sm:grid-cols-3">
        {packages.map((pack) => (
          <ChoiceCard
            key={pack.id}
            group={packageGroup}
            value={pack.id}
            ariaLabel={t(pack.bonusPoints > 0 ? "packageLabelWithBonus" : "packageLabel", {
              points: format.points(pack.paidPoints + pack.bonusPoints),
              price: format.money(pack.price, currency),
              bonus: format.points(pack.bonusPoints),
            })}
            className="relative flex flex-col rounded-xl border-2 border-slate-200 bg-white p-3"
          >
            <span className="text-lg font-extrabold">{format.points(pack.paidPoints + pack.bonusPoints)}</span>
            <span className="text-sm text-slate-600">{format.money(pack.price, currency)}</span>
            {pack.bonusPoints > 0 ? (
              <span className="mt-1 self-start rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                {t("bonusBadge", { bonus: format.points(pack.bonusPoints) })}
              </span>
            ) : null}
          </ChoiceCard>
        ))}
      </ChoiceFieldset>

      <ChoiceFieldset legend={t("payOptions")} disabled={busy} gridClass="gap-2 sm:grid-cols-4">
        {payOptions.map((option) => (
          <ChoiceCard
            key={option.id}
            group={payOptionGroup}
            value={option.id}
            className="flex items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-3 text-center text-sm font-medium has-[:checked]:text-brand-700"
          >
            {optionName(option.id)}
          </ChoiceCard>
        ))}
      </ChoiceFieldset>

      {chosenOption?.cashReceipt ? (
        <CashReceiptFields
          choice={cashReceipt}
          onChange={(choice) => {
            setCashReceipt(choice);
            setCashReceiptError(undefined);
          }}
          error={cashReceiptError}
          disabled={busy}
        />
      ) : null}

      <OrderSummary
        pack={selected}
        currency={currency}
        payOptionLabel={chosenOption ? optionName(chosenOption.id) : undefined}
      />
      <ConsentFields prompt={consent} disabled={busy} />

      <FormAlert message={error} />
      {failed ? (
        <FailureExplanation
          role="alert"
          headline={t("notCompleted")}
          payOption={failed.payOptionId}
          pgMessage={failed.pgMessage}
        />
      ) : null}

      {phase === "paying" ? (
        <PaymentWindowPanel
          hasPopup={hasPopup}
          pgButton={paysByPgButton && !hasPopup}
          slow={slow}
          onShowPopup={() => paymentWindow.current?.popup()?.focus()}
          onCancel={() => paymentWindow.current?.cancel()}
        />
      ) : null}
      {/* The PG's own button (PayPal's), rendered here by PortOne while its attempt is open. */}
      <div ref={paymentButton} className={PAYMENT_UI_CONTAINER_CLASS} hidden={phase !== "paying" || !paysByPgButton} />

      <button
        type="submit"
        hidden={phase === "paying"}
        disabled={busy || !selected}
        aria-busy={busy}
        className="flex w-full items-center justify-center gap-2 rounded-xl bg-brand-600 px-4 py-4 text-lg font-bold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {busy ? <Spinner /> : null}
        {busy
          ? t(`phases.${phase as Exclude<Phase, "idle">}`)
          : selected
            ? t("pay", { price: format.money(selected.price, currency) })
            : t("choosePackage")}
      </button>
    </form>
  );
}
