import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** users.session_version when the session was issued; a newer version ends the session. */
    sessionVersion?: number;
  }
}
