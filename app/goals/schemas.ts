import { z } from "zod";

const text = (max: number, required?: string) =>
  required
    ? z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "validation.textTooLong" })
    : z.string().trim().max(max, { error: "validation.textTooLong" }).optional().transform((v) => v ?? "");

const year = z.coerce
  .number({ error: "validation.yearInvalid" })
  .int({ error: "validation.yearInvalid" })
  .min(1990, { error: "validation.yearInvalid" })
  .max(2100, { error: "validation.yearInvalid" });

/** Numbers the Swedish way: "1 234,5" as well as "1234.5". */
export const swedishNumber = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const normalised = v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    const parsed = Number(normalised);
    if (normalised === "" || !Number.isFinite(parsed)) {
      ctx.addIssue({ code: "custom", message: "validation.numberInvalid" });
      return z.NEVER;
    }
    return parsed;
  });

export const StrategySchema = z.object({
  intent: z.literal("create-strategy"),
  name: text(160, "validation.nameRequired"),
  description: text(2000),
  startYear: year.optional(),
  endYear: year.optional(),
});

export const GoalSchema = z.object({
  code: text(20),
  name: text(200, "validation.nameRequired"),
  description: text(4000),
  oneToOneRelevant: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const NewGoalSchema = GoalSchema.extend({
  intent: z.literal("create-goal"),
  strategyId: z.string(),
  parentId: z.string().optional(),
});

export const EditGoalSchema = GoalSchema.extend({ intent: z.literal("update-goal") });

export const IndicatorSchema = z.object({
  intent: z.literal("create-indicator"),
  name: text(200, "validation.nameRequired"),
  unit: text(40),
  baselineValue: swedishNumber.optional(),
  baselineYear: year.optional(),
  targetValue: swedishNumber.optional(),
  targetYear: year.optional(),
  source: text(300),
});

export const IndicatorValueSchema = z.object({
  intent: z.literal("record-value"),
  indicatorId: z.string(),
  year,
  value: swedishNumber,
  note: text(300),
});

export const EditIndicatorSchema = IndicatorSchema.extend({ intent: z.literal("update-indicator"), indicatorId: z.string() });

export const EditStrategySchema = StrategySchema.extend({ intent: z.literal("update-strategy"), strategyId: z.string() });
export const DeleteStrategySchema = z.object({ intent: z.literal("delete-strategy"), strategyId: z.string() });
