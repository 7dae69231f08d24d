import type { EmulatorChannel } from "../config.js";
import type { Emulator } from "../context.js";

export type Fields = Record<string, unknown>;

/** A pre-window failure: the script rejects with a PaymentError carrying this code. */
export class CheckoutError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function requireStore(emulator: Emulator, storeId: unknown): void {
  if (storeId !== emulator.config.storeId) {
    throw new CheckoutError("StoreNotFound", `상점을 찾을 수 없습니다: ${String(storeId)}`);
  }
}

const normalizeProvider = (value: unknown) =>
  typeof value === "string" ? value.replace(/^EASY_PAY_PROVIDER_/, "") : undefined;

/** The channel must exist and must be the test channel of the requested pay method. */
export function requireChannel(emulator: Emulator, request: Fields, payMethodField = "payMethod"): EmulatorChannel {
  const channel = emulator.config.channels.find((candidate) => candidate.key === request.channelKey);
  if (!channel) {
    const which =
      request.channelKey === undefined
        ? `channelGroupId ${String(request.channelGroupId)}`
        : String(request.channelKey);
    throw new CheckoutError("ChannelNotFound", `채널을 찾을 수 없습니다: ${which}`);
  }
  const payMethod = request[payMethodField];
  if (payMethod !== channel.payMethod) {
    throw new CheckoutError(
      "BadRequest",
      `채널 ${channel.name}은(는) ${String(payMethod)} 결제를 지원하지 않습니다. (지원: ${channel.payMethod})`,
    );
  }
  const easyPay = request.easyPay as { easyPayProvider?: unknown } | undefined;
  const provider = normalizeProvider(easyPay?.easyPayProvider);
  if (channel.payMethod === "EASY_PAY" && provider !== undefined && provider !== channel.easyPayProvider) {
    throw new CheckoutError("BadRequest", `채널 ${channel.name}은(는) ${provider} 간편결제를 지원하지 않습니다.`);
  }
  return channel;
}
