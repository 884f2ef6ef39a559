// The fixed vocabularies of evaluations; labels live in the translations.

/** The levels of the result chain, in the order the model shows them. */
export const LEVELS = ["output", "outcome", "impact"] as const;
export const KINDS = ["thematic", "aggregated"] as const;
export const STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
/** Support types a model row applies to; "" (stored for "every support type") is the absent choice. */
export const MODEL_SUPPORT_TYPES = ["project", "company"] as const;

export type Level = (typeof LEVELS)[number];
export type Kind = (typeof KINDS)[number];
export type Status = (typeof STATUSES)[number];
