import type { EmulatorChannel } from "../config.js";

// A PG channel settles in one currency and has a minimum amount. PortOne's docs: minimums are the
// PG's (100 KRW for most PGs' cards; some allow 1 for virtual accounts), so it is per channel.

export const channelCurrency = (channel: EmulatorChannel): string => channel.currency ?? "KRW";

/** A channel settling in won: the app's domestic pay options and billing keys map only to these. */
export const isKrwChannel = (channel: EmulatorChannel): boolean => channelCurrency(channel) === "KRW";

export const channelMinAmount = (channel: EmulatorChannel): number =>
  channel.minAmount ?? (channelCurrency(channel) === "KRW" ? 100 : 1);

/** Why the channel's PG refuses this currency or amount, or undefined when it accepts them. */
export function channelRefusal(channel: EmulatorChannel, currency: string, totalAmount: number): string | undefined {
  const accepted = channelCurrency(channel);
  if (currency !== accepted)
    return `채널 ${channel.name}은(는) ${currency} 결제를 지원하지 않습니다. (지원: ${accepted})`;
  const min = channelMinAmount(channel);
  if (totalAmount < min) return `채널 ${channel.name}의 최소 결제 금액은 ${min} ${accepted}입니다.`;
  return undefined;
}
