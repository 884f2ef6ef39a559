import { z } from "zod";

export const NetworkSchema = z.object({
  name: z
    .string({ error: "validation.networkNameRequired" })
    .trim()
    .min(3, { error: "validation.networkNameRequired" })
    .max(120, { error: "validation.networkNameTooLong" }),
  description: z.string().trim().max(2000, { error: "validation.textTooLong5000" }).optional().transform((v) => v ?? ""),
});

export const InviteSchema = z.object({
  organisationId: z.string({ error: "validation.chooseOrganisation" }).min(1, { error: "validation.chooseOrganisation" }),
});

/** The buttons on the networks pages that carry no fields of their own. */
export const NetworkIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), networkId: z.string().min(1) }),
  z.object({ intent: z.literal("decline"), networkId: z.string().min(1) }),
  z.object({ intent: z.literal("withdraw"), organisationId: z.string().min(1) }),
  z.object({ intent: z.literal("leave") }),
]);
