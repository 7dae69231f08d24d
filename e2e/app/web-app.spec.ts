import { expect, test } from "@playwright/test";
import { E2E_APP_URL } from "../support/stack-urls";
import { SCREENS } from "../support/screens";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

for (const { name, use } of SCREENS) {
  test.describe(`home screen and shared links on ${name}`, () => {
    test.use(use);

    test("the page links a web manifest whose icons a phone can put on its home screen", async ({ page, request }) => {
      await page.goto("/");
      const href = await page.locator('link[rel="manifest"]').getAttribute("href");
      expect(href).toBe("/manifest.webmanifest");
      const manifest = await (await request.get(href!)).json();
      expect(manifest).toMatchObject({
        name: "PointCharge · 포인트 충전",
        short_name: "PointCharge",
        lang: "ko",
        start_url: "/",
        display: "standalone",
        theme_color: "#2552e0",
      });
      const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
      expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
        "192x192 any",
        "512x512 any",
        "512x512 maskable",
      ]);
      for (const icon of icons) {
        const answer = await request.get(icon.src);
        expect(answer.status(), icon.src).toBe(200);
        expect(answer.headers()["content-type"]).toBe("image/png");
        const [width, height] = icon.sizes.split("x").map(Number);
        expect(pngSize(await answer.body())).toEqual({ width, height });
      }
    });

    test("favicons and the Apple touch icon are served", async ({ page, request }) => {
      await page.goto("/");
      const favicon = await request.get("/favicon.ico");
      expect(favicon.status()).toBe(200);
      // An icon directory (ICO) of PNG images.
      expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
      const svg = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
      expect((await request.get(svg!)).status()).toBe(200);
      const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
      expect(apple).toBe("/apple-touch-icon.png");
      expect(pngSize(await (await request.get(apple!)).body())).toEqual({ width: 180, height: 180 });
    });

    test("a shared link shows a title, description and a 1200x630 image on the app's origin", async ({
      page,
      request,
    }) => {
      await page.goto("/");
      const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");
      expect(await meta("og:title")).toBe("PointCharge · 포인트 충전");
      expect(await meta("og:description")).toBe("카드, 간편결제, 계좌이체, 가상계좌로 포인트를 충전하세요.");
      expect(await meta("og:locale")).toBe("ko_KR");
      const image = await meta("og:image");
      expect(image).toBe(`${E2E_APP_URL}/og-image.png`);
      expect(await meta("og:image:width")).toBe("1200");
      expect(pngSize(await (await request.get(image!)).body())).toEqual({ width: 1200, height: 630 });
      expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
    });
  });
}
