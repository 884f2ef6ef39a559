import { z } from "zod";
import { PHASE_KINDS, RECURRENCES } from "./templates";

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
// A date typed as YYYY-MM-DD that exists in the calendar: "2026-13-01" or "2026-02-30" does not.
const isCalendarDate = (v: string) => {
  const [y, m, d] = v.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const calendarDate = () =>
  z
    .string({ error: "validation.dateInvalid" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.dateInvalid" })
    .refine(isCalendarDate, { error: "validation.dateInvalid" });
const optionalText = (max: number) => z.string().trim().max(max, { error: "validation.textTooLong" }).optional().transform((v) => v ?? "");

export const SessionSchema = z.object({
  title: z
    .string({ error: "validation.titleRequired" })
    .trim()
    .min(3, { error: "validation.titleRequired" })
    .max(200, { error: "validation.titleTooLong" }),
  theme: optionalText(2000),
  // Date and time as the facilitator sees them, in Stockholm time.
  date: calendarDate(),
  time: z.string({ error: "validation.timeInvalid" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.timeInvalid" }),
  durationMinutes: z.coerce
    .number({ error: "validation.durationInvalid" })
    .int({ error: "validation.durationInvalid" })
    .min(15, { error: "validation.durationInvalid" })
    .max(480, { error: "validation.durationInvalid" }),
  place: optionalText(200),
  videoUrl: z
    .string()
    .trim()
    .max(500, { error: "validation.textTooLong" })
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || /^https:\/\/\S+$/.test(v), { error: "validation.urlInvalid" }),
  // Open to the members of this network (one of the organisation's), who find it in the network feed.
  networkId: z.string().optional().transform((v) => v || null),
  goalIds: idList,
  facilitatorIds: idList,
  inviteeIds: idList,
  recurrence: z.enum(RECURRENCES).catch("none"),
  occurrences: z.coerce.number().int().min(1).max(12).catch(4),
  template: z.string().min(1, { error: "validation.choose" }),
  anonymousNotes: checkbox,
  votesPerPerson: z.coerce.number({ error: "validation.votesInvalid" }).int().min(1, { error: "validation.votesInvalid" }).max(20, { error: "validation.votesInvalid" }),
  votesPerTarget: z.coerce.number({ error: "validation.votesInvalid" }).int().min(1, { error: "validation.votesInvalid" }).max(20, { error: "validation.votesInvalid" }),
});
export type SessionInput = z.infer<typeof SessionSchema>;

export const EditSessionSchema = SessionSchema.pick({
  title: true,
  theme: true,
  date: true,
  time: true,
  durationMinutes: true,
  place: true,
  videoUrl: true,
  networkId: true,
  anonymousNotes: true,
  votesPerPerson: true,
  votesPerTarget: true,
});
export type EditSessionInput = z.infer<typeof EditSessionSchema>;

export const PhaseSchema = z.object({
  kind: z.enum(PHASE_KINDS, { error: "validation.choose" }),
  title: z
    .string({ error: "validation.phaseTitleRequired" })
    .trim()
    .min(1, { error: "validation.phaseTitleRequired" })
    .max(120, { error: "validation.textTooLong" }),
  prompt: optionalText(1000),
  // "2,5" the Swedish way as well as "2.5".
  minutes: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
    z.coerce.number({ error: "validation.minutesInvalid" }).min(0.5, { error: "validation.minutesInvalid" }).max(180, { error: "validation.minutesInvalid" }),
  ),
});
export const AddPhaseSchema = PhaseSchema.extend({ intent: z.literal("add-phase") });
export const UpdatePhaseSchema = PhaseSchema.extend({ intent: z.literal("update-phase"), phaseId: z.string() });
export const PhaseRefSchema = z.object({ intent: z.enum(["remove-phase", "move-up", "move-down", "go-to"]), phaseId: z.string() });
export const SaveTemplateSchema = z.object({
  intent: z.literal("save-template"),
  name: z
    .string({ error: "validation.templateNameRequired" })
    .trim()
    .min(2, { error: "validation.templateNameRequired" })
    .max(80, { error: "validation.textTooLong" }),
});

export const RsvpSchema = z.object({ intent: z.literal("rsvp"), rsvp: z.enum(["yes", "no", "maybe"]) });
export const ReviewPickSchema = z.object({ intent: z.literal("pick-review"), items: idList });

export const ClockSchema = z.object({ intent: z.enum(["start", "pause", "resume", "extend", "next", "previous", "end"]) });

export const NoteSchema = z.object({
  intent: z.literal("note"),
  text: z
    .string({ error: "validation.noteRequired" })
    .trim()
    .min(1, { error: "validation.noteRequired" })
    .max(500, { error: "validation.noteTooLong" }),
});
export const NoteRefSchema = z.object({ intent: z.enum(["hide-note", "unhide-note"]), noteId: z.string() });
export const GroupNoteSchema = z.object({
  intent: z.literal("group-note"),
  noteId: z.string(),
  // "" takes it out of its group; "new" starts a group named by newGroup.
  groupId: z.string(),
  newGroup: z.string().trim().max(120, { error: "validation.textTooLong" }).optional().transform((v) => v ?? ""),
});
export const RenameGroupSchema = z.object({
  intent: z.literal("rename-group"),
  groupId: z.string(),
  title: z.string().trim().min(1, { error: "validation.groupTitleRequired" }).max(120, { error: "validation.textTooLong" }),
});
export const VoteSchema = z.object({ intent: z.enum(["vote", "unvote"]), targetType: z.enum(["group", "note"]), targetId: z.string() });

export const LessonOutcomeSchema = z.object({
  intent: z.literal("outcome-lesson"),
  targetType: z.enum(["group", "note"]),
  targetId: z.string(),
  title: z
    .string({ error: "validation.titleRequired" })
    .trim()
    .min(3, { error: "validation.titleRequired" })
    .max(200, { error: "validation.titleTooLong" }),
});
export const RecommendationOutcomeSchema = z.object({
  intent: z.literal("outcome-recommendation"),
  targetType: z.enum(["group", "note"]),
  targetId: z.string(),
  text: z
    .string({ error: "validation.recommendationRequired" })
    .trim()
    .min(3, { error: "validation.recommendationRequired" })
    .max(2000, { error: "validation.textTooLong" }),
  addressedTo: optionalText(200),
});
export const ActionOutcomeSchema = z.object({
  intent: z.literal("outcome-action"),
  targetType: z.enum(["group", "note"]).optional(),
  targetId: z.string().optional(),
  title: z
    .string({ error: "validation.actionRequired" })
    .trim()
    .min(3, { error: "validation.actionRequired" })
    .max(300, { error: "validation.textTooLong" }),
  ownerId: z.string({ error: "validation.choose" }).min(1, { error: "validation.choose" }),
  dueDate: calendarDate(),
});
export const ActionDoneSchema = z.object({ intent: z.enum(["action-done", "action-reopen"]), actionId: z.string() });
export const SynthesisSchema = z.object({ intent: z.literal("post-synthesis"), categoryId: z.string().min(1, { error: "validation.choose" }) });
