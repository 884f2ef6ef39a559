import { recordPersonAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { clearAttempts, countAttempt, RateLimited, secondsUntilAllowed } from "./rate-limit.server";

export type NewAccount = { email: string; name: string; password: string };

export async function emailIsTaken(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

export async function createAccount(account: NewAccount, locale?: string | null) {
  return db.user.create({
    data: {
      email: account.email,
      name: account.name,
      passwordHash: await hashPassword(account.password),
      locale: locale ?? null,
    },
    select: { id: true, email: true, name: true },
  });
}

/**
 * Check an email and password. Returns the user id, or null for a wrong
 * password and an unknown email alike. Throws RateLimited after repeated
 * failures for the account or the client address.
 */
export async function authenticate(email: string, password: string, clientAddress: string): Promise<string | null> {
  const wait = Math.max(
    await secondsUntilAllowed("signInAccount", email),
    await secondsUntilAllowed("signInAddress", clientAddress),
  );
  if (wait > 0) throw new RateLimited(wait);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (user && valid) {
    await clearAttempts("signInAccount", email);
    await recordPersonAudit(user.id, "sign-in", clientAddress);
    return user.id;
  }
  await countAttempt("signInAccount", email);
  await countAttempt("signInAddress", clientAddress);
  // The address typed is kept only when it names no account; the password never is.
  await recordPersonAudit(user?.id ?? null, "sign-in-failed", clientAddress, user ? "" : email);
  // Recorded once, when this failure closes the window; the refused attempts after it are not, so they cannot flood the log.
  const blocked = (await secondsUntilAllowed("signInAccount", email)) > 0 ? "account" : (await secondsUntilAllowed("signInAddress", clientAddress)) > 0 ? "address" : null;
  if (blocked) await recordPersonAudit(user?.id ?? null, "sign-in-limited", clientAddress, blocked === "account" && !user ? `account: ${email}` : blocked);
  return null;
}

export async function setPassword(userId: string, password: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

export async function setLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
