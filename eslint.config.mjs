import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // Layout is Prettier's (npm run format); ESLint keeps to correctness.
  prettier,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "playwright-report/**",
      "test-results/**",
      "db/migrations/**",
      "portone-emulator/dist/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
