export const CALL_STATUSES = ["planned", "open", "closed", "decided"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

// What a call's author concluded about a lesson in the learning brief.
export const VERDICTS = ["considered", "applied", "not-applied"] as const;
export type Verdict = (typeof VERDICTS)[number];
