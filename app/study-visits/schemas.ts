import { z } from "zod";

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const visitDate = z
  .string({ error: "validation.dateInvalid" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.dateInvalid" })
  .transform((v, ctx) => {
    const date = new Date(`${v}T00:00:00Z`);
    // Rejects dates that do not exist, such as 2027-02-30, which Date would roll over.
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "validation.dateInvalid" });
      return z.NEVER;
    }
    return date;
  });

/** Plan a study visit, or change its plan. */
export const StudyVisitSchema = z.object({
  title: z
    .string({ error: "validation.titleRequired" })
    .trim()
    .min(3, { error: "validation.titleRequired" })
    .max(200, { error: "validation.titleTooLong" }),
  hostOrganisationId: z.string({ error: "studyVisits.validation.hostRequired" }).min(1, { error: "studyVisits.validation.hostRequired" }),
  // Only needed when the two organisations share several networks; the server picks the one they share otherwise.
  networkId: z.string().optional(),
  visitDate,
  participantIds: idList,
  // One question per line; blank lines and stray spaces are dropped.
  questions: z
    .string()
    .max(5000, { error: "validation.textTooLong5000" })
    .optional()
    .transform((v) =>
      (v ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .join("\n"),
    ),
});

export type StudyVisitInput = z.infer<typeof StudyVisitSchema>;

/** Notes written after the visit; saving them marks the visit done. */
export const NotesSchema = z.object({
  intent: z.literal("notes"),
  notes: z
    .string({ error: "studyVisits.validation.notesRequired" })
    .trim()
    .min(1, { error: "studyVisits.validation.notesRequired" })
    .max(20000, { error: "studyVisits.validation.notesTooLong" }),
});
