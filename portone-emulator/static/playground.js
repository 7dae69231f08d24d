// Playground: calls the unmodified @portone/browser-sdk (served from node_modules by the emulator).
import * as PortOne from "/sdk/browser-sdk/v2.js";

const settings = JSON.parse(document.getElementById("playground-settings").textContent);
const form = document.getElementById("playground");
const output = document.getElementById("result");
const paymentIdInput = document.getElementById("paymentId");

const newPaymentId = () => "playground-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
if (!paymentIdInput.value)
  paymentIdInput.value = new URLSearchParams(window.location.search).get("paymentId") || newPaymentId();

function show(value) {
  output.textContent = JSON.stringify(value, null, 2);
}

function showError(error) {
  show({
    rejected: true,
    isPaymentError: PortOne.isPaymentError(error),
    isPortOneError: PortOne.isPortOneError(error),
    isLoadPaymentUIError: PortOne.isLoadPaymentUIError(error),
    code: error.code,
    message: error.message,
  });
}

// The window's language as typed: any value, so that a locale PortOne does not know can be tried.
const localeOf = (data) => String(data.get("locale") || "") || undefined;

// The fields every payment request shares, from the form.
function baseRequest(data, channel) {
  const noticeUrl = String(data.get("noticeUrl") || "");
  return {
    locale: localeOf(data),
    storeId: settings.storeId,
    channelKey: channel.key,
    paymentId: String(data.get("paymentId")),
    orderName: String(data.get("orderName")),
    totalAmount: Number(data.get("totalAmount")),
    currency: String(data.get("currency")),
    customer: { fullName: "홍길동", email: "tester@example.com", phoneNumber: "01012345678" },
    customData: { source: "playground" },
    noticeUrls: noticeUrl ? [noticeUrl] : undefined,
  };
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const channel = settings.channels.find((candidate) => candidate.key === data.get("channelKey"));
  const windowType = String(data.get("windowType"));
  const request = {
    ...baseRequest(data, channel),
    payMethod: channel.payMethod,
    windowType: { pc: windowType, mobile: windowType === "REDIRECTION" ? "REDIRECTION" : undefined },
    forceRedirect: data.get("forceRedirect") === "on",
    redirectUrl: window.location.origin + "/playground/return?from=playground",
    easyPay: channel.easyPayProvider ? { easyPayProvider: channel.easyPayProvider } : undefined,
  };
  output.textContent = "결제창 진행 중…";
  try {
    show(await PortOne.requestPayment(request));
  } catch (error) {
    showError(error);
  }
});

document.getElementById("issueBillingKey").addEventListener("click", async () => {
  const card = settings.channels.find((candidate) => candidate.payMethod === "CARD");
  output.textContent = "빌링키 발급 진행 중…";
  try {
    show(
      await PortOne.requestIssueBillingKey({
        storeId: settings.storeId,
        channelKey: card.key,
        billingKeyMethod: "CARD",
        issueName: "정기 충전",
        locale: localeOf(new FormData(form)),
      }),
    );
  } catch (error) {
    showError(error);
  }
});

// PayPal: loadPaymentUI renders PayPal's button into the form's portone-ui-container; the
// button's click opens PayPal's window, whose result arrives through the callbacks.
document.getElementById("loadPaymentUI").addEventListener("click", async () => {
  const data = new FormData(form);
  const channel = settings.channels.find((candidate) => candidate.key === data.get("channelKey"));
  output.textContent = "PayPal 버튼을 불러오는 중…";
  try {
    await PortOne.loadPaymentUI(
      { ...baseRequest(data, channel), uiType: "PAYPAL_SPB" },
      {
        onPaymentSuccess: (response) => show({ callback: "onPaymentSuccess", ...response }),
        onPaymentFail: (error) =>
          show({
            callback: "onPaymentFail",
            isPaymentError: PortOne.isPaymentError(error),
            code: error.code,
            message: error.message,
            paymentId: error.paymentId,
            txId: error.txId,
            pgCode: error.pgCode,
            pgMessage: error.pgMessage,
          }),
      },
    );
    output.textContent = "PayPal 버튼을 불러왔습니다.";
  } catch (error) {
    showError(error);
  }
});
