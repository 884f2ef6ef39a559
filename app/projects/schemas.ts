import { z } from "zod";
import { swedishNumber } from "~/goals/schemas";
import { REPORT_TYPES } from "./options";

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const isoDate = z
  .string({ error: "validation.dateInvalid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.dateInvalid" })
  .transform((v, ctx) => {
    const date = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "validation.dateInvalid" });
      return z.NEVER;
    }
    return date;
  });

const text = (max: number) => z.string().trim().max(max, { error: "validation.textTooLong" }).optional().transform((v) => v ?? "");

// callId "" means "not funded under a call".
export const ProjectLinksSchema = z.object({ intent: z.literal("links"), goalIds: idList, tagIds: idList, callId: z.string().optional().transform((v) => v || null) });

export const ExpectedResultSchema = z.object({
  intent: z.literal("expected"),
  indicatorId: z.string().optional(),
  description: text(300),
  targetValue: swedishNumber,
  unit: text(40),
});

export const RealisedResultSchema = z.object({
  intent: z.literal("realised"),
  indicatorId: z.string().optional(),
  description: text(300),
  value: swedishNumber,
  unit: text(40),
  date: isoDate,
  sourceReport: text(200),
});

export const ReportSchema = z.object({
  intent: z.literal("report"),
  type: z.enum(REPORT_TYPES, { error: "validation.choose" }),
  date: isoDate,
  summary: z.string({ error: "validation.summaryRequired" }).trim().min(1, { error: "validation.summaryRequired" }).max(4000, { error: "validation.textTooLong5000" }),
});
