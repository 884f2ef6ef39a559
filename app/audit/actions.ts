// The events the audit log records, by their short code. The page offers them
// as a filter and translates each one (audit.actions.<code> in app/i18n).
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in-failed",
  "sign-in-limited",
  "sign-out",
  "sign-out-everywhere",
  "password-reset",
  "role-change",
  "member-removed",
  "lesson-visibility",
  "deleted",
  "projects-imported",
  "moderation",
  "network-joined",
  "network-left",
  "category-sharing",
  "account-deleted",
  "member-erased",
  "personal-data-exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
