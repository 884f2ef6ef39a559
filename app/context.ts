import type { AuthSession, AuthUser } from "~/auth/lucia.server";
import type { DatabaseOutage } from "~/health/database-errors.server";

// What server/ hands every loader and action: the session is already
// validated by the server's middleware before Remix runs.
declare module "@remix-run/node" {
  interface AppLoadContext {
    user: AuthUser | null;
    session: AuthSession | null;
    cspNonce: string;
    clientAddress: string;
    /** Set when the server already knows the database is out: every loader and action answers 503. */
    databaseOutage?: DatabaseOutage | null;
  }
}

export {};
