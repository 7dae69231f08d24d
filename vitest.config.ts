import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/ marks its modules server-only; under Vitest they run on the server, as in the app.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    // The emulator's own tests run from its folder (`npm run test:emulator`).
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one PostgreSQL server; each file makes its own database.
    fileParallelism: true,
  },
});
