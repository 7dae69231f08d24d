import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped bytes of every script a page loads on first visit. */
export async function firstLoadScriptBytes(pageUrl: string, cookie?: string): Promise<number> {
  const html = await (await fetch(pageUrl, { headers: cookie ? { Cookie: cookie } : {} })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!))];
  const sizes = await Promise.all(
    sources.map(
      async (source) => gzipSync(Buffer.from(await (await fetch(new URL(source, pageUrl))).arrayBuffer())).length,
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** A Next.js app of one page with one client-side button: the floor any page starts from. */
export async function writeOneButtonApp(folder: string): Promise<void> {
  await mkdir(path.join(folder, "app"), { recursive: true });
  await writeFile(path.join(folder, "package.json"), JSON.stringify({ private: true, type: "module" }));
  // Its own (empty) config, so Next does not pick up the app's next.config.ts from the folder above.
  await writeFile(path.join(folder, "next.config.mjs"), "export default {};\n");
  await writeFile(
    path.join(folder, "app", "layout.jsx"),
    `export default function Layout({ children }) { return <html lang="ko"><body>{children}</body></html>; }\n`,
  );
  await writeFile(
    path.join(folder, "app", "button.jsx"),
    `"use client";\nimport { useState } from "react";\nexport function OneButton() { const [n, setN] = useState(0); return <button onClick={() => setN(n + 1)}>{n}</button>; }\n`,
  );
  await writeFile(
    path.join(folder, "app", "page.jsx"),
    `import { OneButton } from "./button";\nexport default function Page() { return <OneButton />; }\n`,
  );
}
