// The forms of account deletion and data-subject requests; messages are translation keys.
import { z } from "zod";
import { DEPARTED_LESSONS } from "./departed-lessons";

export const DeleteAccountSchema = z.object({
  password: z.string({ error: "validation.passwordRequired" }).max(200, { error: "validation.passwordTooLong" }),
});

const departedLessons = z.enum(DEPARTED_LESSONS, { error: "dataRequests.lessonsRequired" });

/** The admin's setting on the organisation's settings page. */
export const DepartedLessonsSettingSchema = z.object({
  intent: z.literal("departed-lessons"),
  departedLessons,
});

/** Erasing one member at their request: the admin names them, chooses for their lessons and confirms. */
export const EraseMemberSchema = z.object({
  intent: z.literal("erase"),
  userId: z.string({ error: "dataRequests.personRequired" }).min(1, { error: "dataRequests.personRequired" }).max(40),
  lessons: departedLessons,
  confirm: z.literal("on", { error: "dataRequests.confirmRequired" }),
});
