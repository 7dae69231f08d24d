import type { EmulatorConfig } from "./config.js";

/**
 * The values an app needs to talk to this emulator, as lines to paste into a `.env` file: the
 * names PortOne integrations commonly use (PORTONE_CHANNEL_KEY_<METHOD or PROVIDER> per channel).
 */
export function dotenvFor(url: string, config: EmulatorConfig): string[] {
  return [
    `PORTONE_API_BASE=${url}`,
    `NEXT_PUBLIC_PORTONE_SDK_URL=${url}/v2/browser-sdk.js`,
    `PORTONE_STORE_ID=${config.storeId}`,
    `PORTONE_API_SECRET=${config.apiSecret}`,
    `PORTONE_WEBHOOK_SECRET=${config.webhookSecrets.join(",")}`,
    // PortOne V1 (I'mport): this origin also serves api.iamport.kr's paths and cdn.iamport.kr's
    // script. The channel keys stay last: readers of this output wait for them.
    `PORTONE_V1_API_BASE=${url}`,
    `NEXT_PUBLIC_IAMPORT_SDK_URL=${url}/v1/iamport.js`,
    `NEXT_PUBLIC_PORTONE_V1_IMP_CODE=${config.v1ImpCode}`,
    `PORTONE_V1_API_KEY=${config.v1ApiKey}`,
    `PORTONE_V1_API_SECRET=${config.v1ApiSecret}`,
    ...config.channels.map(
      (channel) => `PORTONE_CHANNEL_KEY_${channel.easyPayProvider ?? channel.payMethod}=${channel.key}`,
    ),
  ];
}
