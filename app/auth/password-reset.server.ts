import { recordPersonAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { sendMail } from "~/mail/mailer.server";
import { translator } from "~/i18n/i18n";
import { endAllSessions } from "./lucia.server";
import { setPassword } from "./accounts.server";
import { countAttempt, RateLimited } from "./rate-limit.server";
import { hashToken, newToken } from "./tokens.server";

const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Mail a one-time reset link if the account exists. The caller answers the
 * same either way, so the form does not reveal which emails have accounts.
 */
export async function requestPasswordReset(email: string, appOrigin: string, clientAddress: string): Promise<void> {
  const wait = Math.max(
    await countAttempt("passwordResetAddress", clientAddress),
    await countAttempt("passwordResetAccount", email),
  );
  if (wait > 0) throw new RateLimited(wait);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (!user) return;
  const { token, tokenHash } = newToken();
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_LINK_LIFETIME_MS) },
  });
  const t = translator(user.locale);
  const link = `${appOrigin}/reset-password?token=${token}`;
  await sendMail({ to: email, subject: t("mail.reset.subject"), text: t("mail.reset.body", { link }) });
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date());
}

/**
 * Set a new password with a reset token. The token works once; every session
 * of the account ends, since someone else may have had the old password.
 * Returns the user id, or null if the token is unknown, used or expired.
 */
export async function resetPassword(token: string, password: string, clientAddress: string): Promise<string | null> {
  const now = new Date();
  const claimed = await db.passwordResetToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return null;
  const row = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
  await setPassword(row.userId, password);
  // Any other link still in the mailbox stops working too.
  await db.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
  await endAllSessions(row.userId);
  await recordPersonAudit(row.userId, "password-reset", clientAddress);
  return row.userId;
}
