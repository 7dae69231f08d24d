import type { MetadataRoute } from "next";

/** Lets a phone add the shop to its home screen, opening it like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "PointCharge · 포인트 충전",
    short_name: "PointCharge",
    description: "카드, 간편결제, 계좌이체, 가상계좌로 포인트를 충전하세요.",
    lang: "ko",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#2552e0",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
