import { z } from "zod";
import { parseAmount, parseDate } from "~/projects/import/validate-rows";
import { CALL_STATUSES, VERDICTS } from "./options";

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const date = parseDate(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "validation.dateInvalid" });
      return z.NEVER;
    }
    return date;
  });

export const CallSchema = z
  .object({
    title: z
      .string({ error: "validation.titleRequired" })
      .trim()
      .min(3, { error: "validation.titleRequired" })
      .max(200, { error: "validation.titleTooLong" }),
    description: z.string().trim().max(10000, { error: "validation.textTooLong5000" }).optional().transform((v) => v ?? ""),
    budget: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return 0n;
        const ore = parseAmount(v);
        if (ore === null || ore < 0n) {
          ctx.addIssue({ code: "custom", message: "calls.budgetInvalid" });
          return z.NEVER;
        }
        return ore;
      }),
    status: z.enum(CALL_STATUSES, { error: "validation.choose" }),
    opensOn: optionalDate,
    closesOn: optionalDate,
    decidedOn: optionalDate,
    goalIds: idList,
    tagIds: idList,
  })
  .superRefine((call, ctx) => {
    if (call.opensOn && call.closesOn && call.closesOn < call.opensOn) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "calls.closesBeforeOpens" });
    }
    if (call.status === "decided" && !call.decidedOn) {
      ctx.addIssue({ code: "custom", path: ["decidedOn"], message: "calls.decidedOnRequired" });
    }
  });

export type CallInput = z.infer<typeof CallSchema>;

// "applied" needs one sentence on what changed; "not-applied" needs the reason.
export const AssessmentSchema = z
  .object({
    intent: z.literal("assess"),
    lessonId: z.string().min(1),
    verdict: z.enum([...VERDICTS, "none"], { error: "calls.verdictRequired" }),
    note: z.string().trim().max(1000, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
  })
  .superRefine((a, ctx) => {
    if (a.verdict === "applied" && a.note.length < 5) ctx.addIssue({ code: "custom", path: ["note"], message: "calls.appliedNoteRequired" });
    if (a.verdict === "not-applied" && a.note.length < 5) ctx.addIssue({ code: "custom", path: ["note"], message: "calls.notAppliedNoteRequired" });
  });
