import type { EmulatorChannel, EmulatorConfig } from "./config.js";
import { channelCurrency, isKrwChannel } from "./domain/channel-limits.js";

// A channel in another currency than KRW gets it as a suffix (PORTONE_CHANNEL_KEY_CARD_USD), so
// that a global card never takes the name of the domestic one.
const channelKeyName = (channel: EmulatorChannel) =>
  `PORTONE_CHANNEL_KEY_${channel.easyPayProvider ?? channel.payMethod}${isKrwChannel(channel) ? "" : `_${channelCurrency(channel)}`}`;

/**
 * The values an app needs to talk to this emulator, as lines to paste into a `.env` file: the
 * names PortOne integrations commonly use (PORTONE_CHANNEL_KEY_<METHOD or PROVIDER>[_<CURRENCY>] per channel).
 */
export function dotenvFor(url: string, config: EmulatorConfig): string[] {
  return [
    `PORTONE_API_BASE=${url}`,
    `NEXT_PUBLIC_PORTONE_SDK_URL=${url}/v2/browser-sdk.js`,
    `PORTONE_STORE_ID=${config.storeId}`,
    `PORTONE_API_SECRET=${config.apiSecret}`,
    `PORTONE_WEBHOOK_SECRET=${config.webhookSecrets.join(",")}`,
    // PortOne V1 (I'mport): this origin also serves api.iamport.kr's paths and cdn.iamport.kr's
    // script. Commented out: an app that switches to V1 when V1's credentials are set stays on V2
    // when the block is pasted whole. The channel keys stay last: readers of this output wait for them.
    "# A store on PortOne V1 (I'mport) instead: uncomment these.",
    `# PORTONE_V1_API_URL=${url}`,
    `# NEXT_PUBLIC_IAMPORT_SDK_URL=${url}/v1/iamport.js`,
    `# PORTONE_V1_IMP_CODE=${config.v1ImpCode}`,
    `# PORTONE_V1_API_KEY=${config.v1ApiKey}`,
    `# PORTONE_V1_API_SECRET=${config.v1ApiSecret}`,
    ...config.channels.map((channel) => `${channelKeyName(channel)}=${channel.key}`),
  ];
}
