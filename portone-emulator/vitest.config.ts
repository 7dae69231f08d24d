import { defineConfig } from "vitest/config";

// The emulator's own tests, run from this folder (`npm test`); the repository's root run includes them.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
