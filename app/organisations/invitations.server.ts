import { hashToken, newToken } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { sendMail } from "~/mail/mailer.server";
import type { Role } from "./roles";

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationLink(appOrigin: string, token: string): string {
  return `${appOrigin}/invitations/${token}`;
}

type Inviter = { id: string; name: string; locale: string | null };
type InvitingOrganisation = { id: string; name: string };

export type InvitationResult = { ok: true; link: string } | { ok: false; error: "alreadyMember" };

/**
 * Invite an email address to the organisation. A new invitation to the same
 * address replaces any pending one, so only the newest link works.
 */
export async function createInvitation(
  organisation: InvitingOrganisation,
  inviter: Inviter,
  email: string,
  role: Role,
  appOrigin: string,
): Promise<InvitationResult> {
  const existing = await db.membership.count({ where: { organisationId: organisation.id, user: { email } } });
  if (existing > 0) return { ok: false, error: "alreadyMember" };

  const { token, tokenHash } = newToken();
  const now = new Date();
  await db.$transaction([
    db.invitation.updateMany({
      where: { organisationId: organisation.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    }),
    db.invitation.create({
      data: {
        organisationId: organisation.id,
        email,
        role,
        tokenHash,
        invitedById: inviter.id,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      },
    }),
  ]);

  const invitee = await db.user.findUnique({ where: { email }, select: { locale: true } });
  const t = translator(invitee?.locale ?? inviter.locale);
  const link = invitationLink(appOrigin, token);
  await sendMail({
    to: email,
    subject: t("mail.invitation.subject", { organisation: organisation.name }),
    text: t("mail.invitation.body", {
      organisation: organisation.name,
      inviter: inviter.name,
      role: t(`roles.${role}`),
      link,
    }),
  });
  return { ok: true, link };
}

export function listPendingInvitations(organisationId: string) {
  return db.invitation.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
}

export async function revokeInvitation(organisationId: string, invitationId: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true },
  });
  if (!invitation) return null;
  await db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
  return invitation;
}

function pendingWhere(token: string) {
  return { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } };
}

/** A usable invitation for this token, or null if it is unknown, used, revoked or expired. */
export function findPendingInvitation(token: string) {
  return db.invitation.findFirst({
    where: pendingWhere(token),
    select: {
      id: true,
      email: true,
      role: true,
      organisation: { select: { id: true, slug: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

export type AcceptResult =
  | { ok: true; slug: string }
  | { ok: false; error: "invalid" | "wrongAccount" };

/**
 * Join the organisation through an invitation. The link proves the address
 * received it; the signed-in account must be that address's account.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<AcceptResult> {
  const invitation = await findPendingInvitation(token);
  if (!invitation) return { ok: false, error: "invalid" };
  if (invitation.email !== user.email) return { ok: false, error: "wrongAccount" };

  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, ...pendingWhere(token) },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (claimed.count !== 1) return { ok: false, error: "invalid" } as const;
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisation.id } },
      create: { userId: user.id, organisationId: invitation.organisation.id, role: invitation.role },
      update: {},
    });
    return { ok: true, slug: invitation.organisation.slug } as const;
  });
}
