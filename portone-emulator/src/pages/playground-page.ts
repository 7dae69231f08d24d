import type { EmulatorConfig } from "../config.js";
import { PAY_METHOD_LABELS } from "../checkout/catalog.js";
import { escapeHtml, page, scriptJson } from "./html.js";

/**
 * A developer page that drives the unmodified @portone/browser-sdk against this emulator.
 * `sdkOrigin` lets it load the emulator script from another origin, as a merchant site would.
 */
export function playgroundPage(config: EmulatorConfig, sdkOrigin: string): string {
  const channelOptions = config.channels
    .map(
      (channel) =>
        `<option value="${escapeHtml(channel.key)}">${escapeHtml(PAY_METHOD_LABELS[channel.payMethod] ?? channel.payMethod)} · ${escapeHtml(channel.name)}</option>`,
    )
    .join("");
  const settings = { storeId: config.storeId, channels: config.channels };
  const body = `
  <section class="card">
    <p><span class="badge">테스트 모드</span> PortOne 에뮬레이터 플레이그라운드</p>
    <h1>결제 요청 해 보기</h1>
    <p class="notice">이 페이지는 수정하지 않은 <code>@portone/browser-sdk</code>로 <code>requestPayment</code>를, 페이팔 채널은 <code>loadPaymentUI</code>를 호출합니다. 금액은 통화의 최소 단위입니다 (USD 1999 = $19.99).</p>
  </section>
  <form id="playground" class="card" aria-label="결제 요청">
    <label for="channelKey">채널</label><select id="channelKey" name="channelKey">${channelOptions}</select>
    <label for="paymentId">결제 ID</label><input id="paymentId" name="paymentId">
    <label for="orderName">주문명</label><input id="orderName" name="orderName" value="포인트 1,000P">
    <label for="totalAmount">결제 금액</label><input id="totalAmount" name="totalAmount" inputmode="numeric" value="1000">
    <label for="currency">통화</label><select id="currency" name="currency"><option>KRW</option><option>CURRENCY_KRW</option><option>USD</option></select>
    <label for="windowType">창 방식 (PC)</label>
    <select id="windowType" name="windowType"><option value="IFRAME">IFRAME</option><option value="POPUP">POPUP</option><option value="REDIRECTION">REDIRECTION</option></select>
    <label for="forceRedirect"><input id="forceRedirect" name="forceRedirect" type="checkbox" style="width:auto"> 강제 리디렉션 (forceRedirect)</label>
    <label for="locale">결제창 언어 (locale, 비우면 한국어)</label>
    <input id="locale" name="locale" list="locales" autocomplete="off">
    <datalist id="locales"><option value="KO_KR"><option value="EN_US"><option value="JA_JP"></datalist>
    <label for="noticeUrl">웹훅 URL (noticeUrls, 비우면 기본 설정)</label><input id="noticeUrl" name="noticeUrl">
    <div class="actions">
      <button class="primary" type="submit">결제 요청</button>
      <button type="button" id="issueBillingKey">빌링키 발급 요청</button>
      <button type="button" id="loadPaymentUI">PayPal 버튼 불러오기 (loadPaymentUI)</button>
    </div>
    <div class="portone-ui-container" data-portone-ui-type="paypal-spb"></div>
  </form>
  <section class="card"><h2>결과</h2><pre id="result" role="status" aria-label="결과">아직 요청하지 않았습니다.</pre></section>
  <script type="application/json" id="playground-settings">${scriptJson(settings)}</script>`;
  const head = `<script src="${escapeHtml(sdkOrigin)}/v2/browser-sdk.js"></script>
<script type="module" src="/playground.js"></script>`;
  return page("PortOne 에뮬레이터 플레이그라운드", body).replace("</head>", `${head}\n</head>`);
}

/** Where the playground's redirect flow lands: shows the query PortOne appended. */
export function playgroundReturnPage(url: URL): string {
  const query = Object.fromEntries(url.searchParams);
  const body = `<section class="card"><h1>리디렉션 결과</h1>
    <pre aria-label="리디렉션 결과">${escapeHtml(JSON.stringify(query, null, 2))}</pre>
    <p><a href="/playground">플레이그라운드로 돌아가기</a></p></section>`;
  return page("리디렉션 결과 - PortOne 에뮬레이터", body);
}
