import { z } from "zod";
import { emailField } from "~/auth/schemas";
import { ROLES } from "./roles";

export const ORGANISATION_KINDS = ["region", "agency", "other"] as const;

const optionalText = (max: number) =>
  z.string().trim().max(max, { error: "validation.textTooLong" }).optional().transform((v) => v ?? "");

// Conform turns an empty field into undefined before zod sees it; the
// database keeps "" for "not given".
const optionalUrl = z
  .url({ protocol: /^https?$/, error: "validation.urlInvalid" })
  .optional()
  .transform((v) => v ?? "");

const optionalEmail = z
  .email({ error: "validation.emailInvalid" })
  .optional()
  .transform((v) => v?.toLowerCase() ?? "");

export const OrganisationProfileSchema = z.object({
  name: z
    .string({ error: "validation.orgNameRequired" })
    .trim()
    .min(2, { error: "validation.orgNameRequired" })
    .max(120, { error: "validation.orgNameTooLong" }),
  kind: z.enum(ORGANISATION_KINDS, { error: "validation.kindInvalid" }),
  county: optionalText(120),
  description: optionalText(2000),
  website: optionalUrl,
  contactEmail: optionalEmail,
  sharingNeedsApproval: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const NewOrganisationSchema = OrganisationProfileSchema.extend({
  slug: z
    .string({ error: "validation.slugInvalid" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, { error: "validation.slugInvalid" }),
});

export const roleField = z.enum(ROLES, { error: "validation.roleInvalid" });

export const InviteSchema = z.object({ intent: z.literal("invite"), email: emailField, role: roleField });
export const ChangeRoleSchema = z.object({ intent: z.literal("change-role"), membershipId: z.string(), role: roleField });
export const RemoveMemberSchema = z.object({ intent: z.literal("remove-member"), membershipId: z.string() });
export const RevokeInvitationSchema = z.object({ intent: z.literal("revoke-invitation"), invitationId: z.string() });

export const MembersActionSchema = z.discriminatedUnion("intent", [
  InviteSchema,
  ChangeRoleSchema,
  RemoveMemberSchema,
  RevokeInvitationSchema,
]);
