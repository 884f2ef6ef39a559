// The fixed vocabularies of a lesson; labels live in the translations.
export const SOURCE_TYPES = ["project", "session", "evaluation", "study-visit", "thread", "other"] as const;
export const EVIDENCE_LEVELS = ["observation", "follow-up", "evaluation"] as const;
export const VISIBILITIES = ["organisation", "network", "public"] as const;
export const LESSON_STATUSES = ["draft", "pending-approval", "published"] as const;

export type SourceType = (typeof SOURCE_TYPES)[number];
export type Evidence = (typeof EVIDENCE_LEVELS)[number];
export type Visibility = (typeof VISIBILITIES)[number];
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** The fields whose changes a lesson's history records. */
export const TRACKED_FIELDS = [
  "title",
  "bodyText",
  "context",
  "whatHappened",
  "whatWeLearned",
  "recommendation",
  "sourceType",
  "projectId",
  "evidence",
  "visibility",
  "networkId",
  "status",
  "goalIds",
  "tagIds",
] as const;
