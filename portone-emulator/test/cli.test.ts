import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PaymentClient } from "@portone/server-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { cliConfig, parseChannelSpec } from "../src/cli-options.js";

// The installed command, as `npx portone-emulator` runs it: the compiled CLI behind the package's bin.
const BIN = fileURLToPath(new URL("../bin/portone-emulator.js", import.meta.url));

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

/** Starts the command and resolves with what it printed once it printed its .env block. */
function startCli(args: string[], env: Record<string, string> = {}): Promise<Record<string, string>> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: "pipe" });
  running.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes("PORTONE_WEBHOOK_SECRET=") || !/PORTONE_CHANNEL_KEY_\w+=.+\n\n/.test(out)) return;
      const pairs = out.split("\n").flatMap((line) => {
        // V1's lines are printed commented out, ready to uncomment.
        const match = /^(?:# )?([A-Z0-9_]+)=(.*)$/.exec(line);
        return match ? [[match[1], match[2]] as const] : [];
      });
      resolve({ ...Object.fromEntries(pairs), _output: out });
    });
    child.stderr.on("data", (chunk: Buffer) => reject(new Error(chunk.toString())));
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

describe("the portone-emulator command", () => {
  it("starts with flags and prints values an app pastes into .env, which then work with the server SDK", async () => {
    const printed = await startCli([
      "--port",
      "0",
      "--store-id",
      "store-cli-test",
      "--api-secret",
      "cliTestSecret0000000000000000000000",
      "--channel",
      "CARD=KCP_V2",
      "--channel",
      "EASY_PAY/KAKAOPAY",
      "--webhook-url",
      "",
    ]);
    expect(printed.PORTONE_STORE_ID).toBe("store-cli-test");
    expect(printed.PORTONE_CHANNEL_KEY_CARD).toMatch(/^channel-key-[0-9a-f-]{36}$/);
    expect(printed.PORTONE_CHANNEL_KEY_KAKAOPAY).toBeDefined();
    expect(printed.PORTONE_CHANNEL_KEY_TRANSFER).toBeUndefined();
    expect(printed._output).toContain("CARD (KCP_V2), KAKAOPAY (KAKAOPAY)");
    expect(printed.PORTONE_V1_IMP_CODE).toBe("imp12345678");
    expect(printed._output).toContain("\n# PORTONE_V1_API_SECRET=");

    const base = printed.PORTONE_API_BASE ?? "";
    const sdk = await fetch(printed.NEXT_PUBLIC_PORTONE_SDK_URL ?? "");
    expect(sdk.status).toBe(200);
    const client = PaymentClient({ secret: printed.PORTONE_API_SECRET ?? "", baseUrl: base });
    await client.preRegisterPayment({ paymentId: "cli-pre-1", totalAmount: 1_000, currency: "KRW" });
    const wrongSecret = PaymentClient({ secret: "wrongSecret000000000000000000000000", baseUrl: base });
    await expect(wrongSecret.getPayment({ paymentId: "cli-pre-1" })).rejects.toMatchObject({
      data: { type: "UNAUTHORIZED" },
    });
    const v1Token = await fetch(`${printed.PORTONE_V1_API_URL}/users/getToken`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ imp_key: printed.PORTONE_V1_API_KEY, imp_secret: printed.PORTONE_V1_API_SECRET }),
    });
    expect(await v1Token.json()).toMatchObject({ code: 0, response: { access_token: expect.any(String) } });
  });

  it("takes settings from a JSON file, the environment over the file and flags over both", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "portone-emulator-cli-"));
    const file = path.join(dir, "emulator.json");
    writeFileSync(file, JSON.stringify({ storeId: "store-from-file", apiSecret: "fileSecret00000000000000000000000" }));
    const printed = await startCli(
      ["--config", file, "--port", "0", "--api-secret", "flagSecret0000000000000000000000"],
      {
        PORTONE_EMULATOR_STORE_ID: "store-from-env",
        PORTONE_EMULATOR_API_SECRET: "envSecret000000000000000000000000",
        PORTONE_EMULATOR_CHANNELS: "TRANSFER,VIRTUAL_ACCOUNT=KCP_V2",
        PORTONE_EMULATOR_PUBLIC_URL: "https://portone.example.test",
        PORTONE_EMULATOR_V1_IMP_CODE: "imp87654321",
        PORTONE_EMULATOR_V1_API_KEY: "9999888877776666",
      },
    );
    expect(printed.PORTONE_STORE_ID).toBe("store-from-env");
    expect(printed.PORTONE_API_SECRET).toBe("flagSecret0000000000000000000000");
    expect(printed.PORTONE_API_BASE).toBe("https://portone.example.test");
    expect(printed.NEXT_PUBLIC_IAMPORT_SDK_URL).toBe("https://portone.example.test/v1/iamport.js");
    expect(printed.PORTONE_V1_IMP_CODE).toBe("imp87654321");
    expect(printed.PORTONE_V1_API_KEY).toBe("9999888877776666");
    expect(Object.keys(printed).filter((name) => name.startsWith("PORTONE_CHANNEL_KEY_"))).toEqual([
      "PORTONE_CHANNEL_KEY_TRANSFER",
      "PORTONE_CHANNEL_KEY_VIRTUAL_ACCOUNT",
    ]);
    expect(printed._output).toMatch(/listening on http:\/\/localhost:\d+, reached at https:\/\/portone\.example\.test/);
  });

  it("stops at once with the reason for a bad flag or channel", async () => {
    for (const args of [["--channel", "CRYPTO"], ["--port", "many"], ["--no-such-flag"], ["--public-url", "ftp://x"]]) {
      await expect(startCli(args), args.join(" ")).rejects.toThrow(/portone-emulator|Unknown option/);
    }
  });
});

describe("channel specs", () => {
  it("derive the same key from the same store and spec, and another for another store", () => {
    const first = parseChannelSpec("card=tosspayments", "store-a");
    expect(first).toMatchObject({ payMethod: "CARD", pgProvider: "TOSSPAYMENTS" });
    expect(parseChannelSpec("CARD=TOSSPAYMENTS", "store-a").key).toBe(first.key);
    expect(parseChannelSpec("CARD=TOSSPAYMENTS", "store-b").key).not.toBe(first.key);
    expect(() => parseChannelSpec("EASY_PAY", "store-a")).toThrow(/needs a provider/);
    expect(() => parseChannelSpec("CARD/KAKAOPAY", "store-a")).toThrow(/needs a provider/);
  });

  it("--help asks for the usage text and starts nothing", () => {
    expect(cliConfig(["--help"], {})).toEqual({ help: true });
  });
});
