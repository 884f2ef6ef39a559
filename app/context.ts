import type { AuthSession, AuthUser } from "~/auth/lucia.server";

// What server/ hands every loader and action: the session is already
// validated by the server's middleware before Remix runs.
declare module "@remix-run/node" {
  interface AppLoadContext {
    user: AuthUser | null;
    session: AuthSession | null;
    cspNonce: string;
    clientAddress: string;
  }
}

export {};
