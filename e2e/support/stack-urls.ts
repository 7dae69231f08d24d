// Ports of the stack that `scripts/e2e-stack.ts` starts for Playwright; apart from the
// development ports (3000 / 4010) so a running `npm run dev` does not get in the way.
export const E2E_APP_PORT = 3100;
export const E2E_EMULATOR_PORT = 4110;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://localhost:${E2E_EMULATOR_PORT}`;
