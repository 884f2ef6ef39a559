import { z } from "zod";
import { formatDate } from "~/i18n/i18n";

export const MAX_QUESTIONS = 15;
export const MAX_QUESTION_LENGTH = 300;
export const MAX_ANSWER_LENGTH = 5000;

/** The questions typed one per line, without blank lines or surrounding spaces. */
export function questionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

// A date typed as YYYY-MM-DD that exists in the calendar: "2026-02-30" does not.
const isCalendarDate = (v: string) => {
  const [y, m, d] = v.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export const QuestionnaireSchema = z.object({
  title: z
    .string({ error: "validation.titleRequired" })
    .trim()
    .min(3, { error: "validation.titleRequired" })
    .max(200, { error: "validation.titleTooLong" }),
  intro: z.string().trim().max(2000, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
  questions: z
    .string({ error: "networkQuestions.validation.questionsRequired" })
    .transform((text, ctx) => {
      const lines = questionLines(text);
      if (lines.length === 0) ctx.addIssue({ code: "custom", message: "networkQuestions.validation.questionsRequired" });
      else if (lines.length > MAX_QUESTIONS) ctx.addIssue({ code: "custom", message: "networkQuestions.validation.tooManyQuestions" });
      else if (lines.some((line) => line.length > MAX_QUESTION_LENGTH)) ctx.addIssue({ code: "custom", message: "networkQuestions.validation.questionTooLong" });
      return lines;
    }),
  // The last day to answer, in Stockholm; empty means open until further notice.
  closesOn: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isCalendarDate(v)) {
        ctx.addIssue({ code: "custom", message: "validation.dateInvalid" });
        return z.NEVER;
      }
      // formatDate gives today's date in Stockholm as YYYY-MM-DD, so the strings compare as dates.
      if (v < formatDate(new Date())) {
        ctx.addIssue({ code: "custom", message: "networkQuestions.validation.closesInPast" });
        return z.NEVER;
      }
      return v;
    }),
});

export type QuestionnaireInput = z.infer<typeof QuestionnaireSchema>;

// One textarea per question, named answers[0], answers[1], …; a blank one leaves that question unanswered.
export const AnswersSchema = z
  .object({
    answers: z
      .array(
        z
          .string()
          .trim()
          .max(MAX_ANSWER_LENGTH, { error: "networkQuestions.validation.answerTooLong" })
          .optional()
          .transform((v) => v ?? ""),
      )
      .max(MAX_QUESTIONS)
      .optional()
      .transform((v) => v ?? []),
  })
  .superRefine((value, ctx) => {
    if (!value.answers.some(Boolean)) ctx.addIssue({ code: "custom", path: [], message: "networkQuestions.validation.answerRequired" });
  });
