import { recordPersonAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { clearAttempts, countAttempt, RateLimited, secondsUntilAllowed, type LimitName } from "./rate-limit.server";

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
 * failures: for the account and the client address, or, from a browser that
 * has signed in to this account before (`device`, see device-cookie.server),
 * for that browser alone.
 */
export async function authenticate(email: string, password: string, clientAddress: string, device: string | null = null): Promise<string | null> {
  const counters: Array<{ limit: LimitName; key: string; blocks: string }> = device
    ? [{ limit: "signInDevice", key: device, blocks: "device" }]
    : [
        { limit: "signInAccount", key: email, blocks: "account" },
        { limit: "signInAddress", key: clientAddress, blocks: "address" },
      ];
  const waits = await Promise.all(counters.map((c) => secondsUntilAllowed(c.limit, c.key)));
  if (Math.max(...waits) > 0) throw new RateLimited(Math.max(...waits));

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (user && valid) {
    await clearAttempts(counters[0].limit, counters[0].key);
    await recordPersonAudit(user.id, "sign-in", clientAddress);
    return user.id;
  }
  for (const c of counters) await countAttempt(c.limit, c.key);
  // The address typed is kept only when it names no account; the password never is.
  await recordPersonAudit(user?.id ?? null, "sign-in-failed", clientAddress, user ? "" : email);
  // Recorded once, when this failure closes a window; the refused attempts after it are not, so they cannot flood the log.
  for (const c of counters) {
    if ((await secondsUntilAllowed(c.limit, c.key)) === 0) continue;
    await recordPersonAudit(user?.id ?? null, "sign-in-limited", clientAddress, c.blocks === "account" && !user ? `account: ${email}` : c.blocks);
    break;
  }
  return null;
}

export async function setPassword(userId: string, password: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

export async function setLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
