import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

// Filters of the audit log, from the page's GET form and the CSV link alike.
// Unknown values are dropped rather than refused: a shared link keeps working.
export const AuditFiltersSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().max(64).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export function auditFiltersFrom(request: Request): AuditFilters {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  return AuditFiltersSchema.parse(raw);
}
