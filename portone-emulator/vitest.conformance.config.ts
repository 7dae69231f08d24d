import { defineConfig } from "vitest/config";

// The conformance suite: every answer checked against schemas made from the server SDK's types.
export default defineConfig({
  test: {
    include: ["test/conformance/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
