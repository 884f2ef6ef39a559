import { z } from "zod";

// Unknown or malformed values are dropped rather than refused: a shared link keeps working.
export const FollowupFiltersSchema = z.object({
  year: z.coerce.number().int().min(1900).max(2100).optional().catch(undefined),
  dimension: z.string().max(100).optional().catch(undefined),
});

export function parseFollowupFilters(url: string) {
  const raw = Object.fromEntries([...new URL(url).searchParams].filter(([, v]) => v !== ""));
  return FollowupFiltersSchema.parse(raw);
}
