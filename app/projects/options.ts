export const SUPPORT_TYPES = ["project", "company"] as const;
export const PROJECT_STATUSES = ["decided", "ongoing", "final-reported", "closed", "other"] as const;
export const REPORT_TYPES = ["status", "final", "final-account"] as const;
