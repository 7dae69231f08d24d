/**
 * Draws the app's icons and its link-preview image into public/ (run once after a design change:
 * `npx tsx scripts/make-icons.ts`; the PNGs are committed). Chromium renders the SVG and HTML
 * below with the machine's Korean fonts, so nothing is downloaded.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";

const BRAND = "#2552e0";
const PUBLIC = path.resolve("public");

/** The mark: a white "P" on the brand blue; `inset` leaves the safe zone a maskable icon needs. */
function mark(size: number, { rounded, inset }: { rounded: boolean; inset: number }): string {
  const radius = rounded ? size * 0.22 : 0;
  const font = size * (1 - 2 * inset) * 0.62;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${BRAND}"/>
  <text x="50%" y="50%" dy="0.35em" font-family="Arial, sans-serif" font-size="${font}" font-weight="700"
    text-anchor="middle" fill="#fff">P</text></svg>`;
}

const OG_HTML = `<!doctype html><html lang="ko"><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:88px 96px;display:flex;flex-direction:column;
  justify-content:space-between;background:linear-gradient(135deg,${BRAND},#1b3a9e);color:#fff;
  font-family:'NanumSquare','NanumGothic',sans-serif">
  <div style="display:flex;align-items:center;gap:28px">
    ${mark(112, { rounded: true, inset: 0.1 }).replace('fill="#2552e0"', 'fill="#ffffff22"')}
    <span style="font-size:64px;font-weight:800;letter-spacing:-1px">PointCharge</span>
  </div>
  <div>
    <div style="font-size:76px;font-weight:800;letter-spacing:-2px">포인트 충전</div>
    <div style="margin-top:20px;font-size:36px;opacity:.9">카드 · 카카오페이 · 네이버페이 · 토스페이 · 계좌이체 · 가상계좌</div>
  </div>
</div></body></html>`;

/** An .ico holding PNG images (every browser since IE Vista reads PNG inside ICO). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function main() {
  const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
    (candidate) => candidate && existsSync(candidate),
  );
  const browser = await chromium.launch({ executablePath });
  const page = await browser.newPage();
  const render = async (html: string, width: number, height: number) => {
    await page.setViewportSize({ width, height });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${html}`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
  };
  await mkdir(PUBLIC, { recursive: true });
  const icons = [
    { file: "icon-192.png", size: 192, rounded: true, inset: 0.1 },
    { file: "icon-512.png", size: 512, rounded: true, inset: 0.1 },
    // Full-bleed with the mark inside the central 80%: the phone cuts its own shape out of it.
    { file: "icon-maskable-512.png", size: 512, rounded: false, inset: 0.2 },
    { file: "apple-touch-icon.png", size: 180, rounded: false, inset: 0.12 },
  ];
  for (const icon of icons)
    await writeFile(path.join(PUBLIC, icon.file), await render(mark(icon.size, icon), icon.size, icon.size));
  const small = await Promise.all(
    [16, 32, 48].map(async (size) => ({
      size,
      png: await render(mark(size, { rounded: true, inset: 0 }), size, size),
    })),
  );
  await writeFile(path.join(PUBLIC, "favicon.ico"), ico(small));
  await writeFile(path.join(PUBLIC, "og-image.png"), await render(OG_HTML, 1200, 630));
  await browser.close();
  console.log(`icons and og-image.png written to ${PUBLIC}`);
}

await main();
