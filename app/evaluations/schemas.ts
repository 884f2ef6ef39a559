import { z } from "zod";
import { KINDS, LEVELS, MODEL_SUPPORT_TYPES, STATUSES } from "./options";

const text = (max: number, required?: string) =>
  required
    ? z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "validation.textTooLong" })
    : z.string().trim().max(max, { error: "validation.textTooLong" }).optional().transform((v) => v ?? "");

const title = z
  .string({ error: "validation.titleRequired" })
  .trim()
  .min(3, { error: "validation.titleRequired" })
  .max(200, { error: "validation.titleTooLong" });

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

// ── The evaluation model ──

const ModelEntryFields = z.object({
  level: z.enum(LEVELS, { error: "validation.choose" }),
  // Left empty, a row applies to every support type, project type or goal.
  supportType: z.enum(MODEL_SUPPORT_TYPES, { error: "validation.choose" }).optional().transform((v) => v ?? ""),
  projectType: text(80),
  goalId: z.string().optional(),
  what: text(500, "evaluations.validation.whatRequired"),
  method: text(500),
});

export const NewModelEntrySchema = ModelEntryFields.extend({ intent: z.literal("create-entry") });
export const EditModelEntrySchema = ModelEntryFields.extend({ intent: z.literal("update-entry"), entryId: z.string() });
export const ModelEntryRefSchema = z.object({ intent: z.enum(["move-up", "move-down", "delete-entry"]), entryId: z.string() });

export type ModelEntryInput = Omit<z.infer<typeof NewModelEntrySchema>, "intent">;

// ── The evaluation plan ──

export const EvaluationSchema = z
  .object({
    title,
    description: text(5000),
    kind: z.enum(KINDS, { error: "validation.choose" }),
    status: z.enum(STATUSES, { error: "validation.choose" }),
    evaluator: text(200),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    // A thematic evaluation is tied to goals, an aggregated one spans projects; the other list is ignored.
    goalIds: idList,
    projectIds: idList,
  })
  .superRefine(
    (value, ctx) => {
      if (value.kind === "thematic" && value.goalIds.length === 0) {
        ctx.addIssue({ code: "custom", path: ["goalIds"], message: "evaluations.validation.goalsRequired" });
      }
      if (value.kind === "aggregated" && value.projectIds.length === 0) {
        ctx.addIssue({ code: "custom", path: ["projectIds"], message: "evaluations.validation.projectsRequired" });
      }
      // A date that did not parse has its own message already.
      if (value.startsOn instanceof Date && value.endsOn instanceof Date && value.endsOn < value.startsOn) {
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "evaluations.validation.endBeforeStart" });
      }
    },
    // Checked even when another field is wrong, so that every message shows at once; only kind and the lists must have parsed.
    { when: (payload) => !payload.issues.some((issue) => ["kind", "goalIds", "projectIds"].includes(String(issue.path?.[0]))) },
  );

export type EvaluationInput = z.infer<typeof EvaluationSchema>;

export const StatusChangeSchema = z.object({
  intent: z.literal("status"),
  status: z.enum(STATUSES, { error: "validation.choose" }),
});

/** "Publish findings as a lesson": the start of a draft the author finishes in the lesson editor. */
export const FindingSchema = z.object({
  intent: z.literal("finding"),
  title,
  whatWeLearned: text(5000, "evaluations.validation.findingRequired"),
});
