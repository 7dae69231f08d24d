/** The development account `npm run dev` seeds; never created in production. */
export const DEMO_USER = {
  name: "데모 사용자",
  email: "demo@pointcharge.dev",
  password: "demo-password-1234",
} as const;
