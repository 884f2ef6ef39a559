import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "~/config.server";

// OWASP's device cookie: a browser that has signed in to an account carries a
// signed proof of it. Its failed sign-ins are counted on their own, so that
// failures from anywhere else (which close the account's window for unknown
// browsers) can never lock the owner out of a browser they have used before.
const NAME = "larloop_device";
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function signature(email: string, nonce: string): Buffer {
  return createHmac("sha256", sessionSecret()).update(`device\n${email}\n${nonce}`).digest();
}

/** A Set-Cookie header naming this browser as one `email` has signed in from. */
export function deviceCookie(email: string, secure: boolean): string {
  const nonce = randomBytes(16).toString("base64url");
  const value = [Buffer.from(email).toString("base64url"), nonce, signature(email, nonce).toString("base64url")].join(".");
  return `${NAME}=${value}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The browser's device id when its cookie proves an earlier sign-in as `email`; null otherwise. */
export function trustedDevice(cookieHeader: string | null, email: string): string | null {
  const value = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${NAME}=`))
    ?.slice(NAME.length + 1);
  const [encodedEmail, nonce, mac] = value?.split(".") ?? [];
  if (!encodedEmail || !nonce || !mac || Buffer.from(encodedEmail, "base64url").toString() !== email) return null;
  const expected = signature(email, nonce);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
