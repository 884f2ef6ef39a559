import { z } from "zod";

export const NewDimensionSchema = z.object({
  intent: z.literal("create-dimension"),
  name: z.string({ error: "validation.nameRequired" }).trim().min(2, { error: "validation.nameTooShort" }).max(80, { error: "validation.nameTooLong" }),
  description: z.string().trim().max(300, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
});

export const NewTagSchema = z.object({
  intent: z.literal("create-tag"),
  dimensionId: z.string(),
  name: z.string({ error: "validation.nameRequired" }).trim().min(1, { error: "validation.nameRequired" }).max(120, { error: "validation.nameTooLong" }),
});

export const DeleteTagSchema = z.object({ intent: z.literal("delete-tag"), tagId: z.string() });
