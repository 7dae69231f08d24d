import { BUSINESS_INFO_VARIABLES, type Env } from "../env-schema";

/** What the footer shows of the shop's operator and what the legal texts name. */
export interface BusinessInfo {
  name: string;
  representative: string;
  registrationNumber: string;
  mailOrderNumber: string;
  address: string;
  supportEmail: string;
  supportPhone: string;
  /** True when any value is the development stand-in below: the footer says so. */
  demo: boolean;
}

// Stand-ins for development and tests against the emulator; lib/env-schema.ts refuses to start on
// the real PortOne without the real values, so a live shop never shows these.
const DEMO: Omit<BusinessInfo, "demo"> = {
  name: "포인트차지 데모",
  representative: "홍길동",
  registrationNumber: "000-00-00000",
  mailOrderNumber: "제0000-서울중구-0000호",
  address: "서울특별시 중구 세종대로 110 (예시 주소)",
  supportEmail: "help@pointcharge.dev",
  supportPhone: "1588-0000",
};

export function businessInfoOf(env: Pick<Env, (typeof BUSINESS_INFO_VARIABLES)[number]>): BusinessInfo {
  const info = {
    name: env.BUSINESS_NAME ?? DEMO.name,
    representative: env.BUSINESS_REPRESENTATIVE ?? DEMO.representative,
    registrationNumber: env.BUSINESS_REGISTRATION_NUMBER ?? DEMO.registrationNumber,
    mailOrderNumber: env.BUSINESS_MAIL_ORDER_NUMBER ?? DEMO.mailOrderNumber,
    address: env.BUSINESS_ADDRESS ?? DEMO.address,
    supportEmail: env.SUPPORT_EMAIL ?? DEMO.supportEmail,
    supportPhone: env.SUPPORT_PHONE ?? DEMO.supportPhone,
  };
  return { ...info, demo: BUSINESS_INFO_VARIABLES.some((name) => !env[name]) };
}
