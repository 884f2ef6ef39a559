import { z } from "zod";
import { EVIDENCE_LEVELS, SOURCE_TYPES, VISIBILITIES } from "./options";

const longText = z.string().trim().max(5000, { error: "validation.textTooLong5000" }).optional().transform((v) => v ?? "");
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const LessonSchema = z.object({
  title: z
    .string({ error: "validation.titleRequired" })
    .trim()
    .min(3, { error: "validation.titleRequired" })
    .max(200, { error: "validation.titleTooLong" }),
  // Lexical JSON from the editor, or plain text from the no-JavaScript textarea.
  body: z.string().optional().transform((v) => v ?? ""),
  bodyText: z.string().max(20000, { error: "validation.textTooLong5000" }).optional().transform((v) => v ?? ""),
  context: longText,
  whatHappened: longText,
  whatWeLearned: longText,
  recommendation: longText,
  sourceType: z.enum(SOURCE_TYPES, { error: "validation.choose" }),
  projectId: z.string().optional(),
  sourceNote: z.string().trim().max(300, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
  evidence: z.enum(EVIDENCE_LEVELS, { error: "validation.choose" }),
  visibility: z.enum(VISIBILITIES, { error: "validation.choose" }),
  // The network that may read the lesson when visibility is "network".
  networkId: z.string().optional(),
  goalIds: idList,
  tagIds: idList,
  intent: z.enum(["save-draft", "publish"]),
  // Set when the lesson is promoted from a thread (and a post in it).
  threadId: z.string().optional(),
  postId: z.string().optional(),
}).superRefine((lesson, ctx) => {
  if (lesson.visibility === "network" && !lesson.networkId) ctx.addIssue({ code: "custom", path: ["networkId"], message: "validation.chooseNetwork" });
});

export type LessonInput = z.infer<typeof LessonSchema>;

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z.string({ error: "validation.commentRequired" }).trim().min(1, { error: "validation.commentRequired" }).max(4000, { error: "validation.textTooLong5000" }),
});
