import { z } from "zod";
import { FIGURES } from "./figures";

// Unknown values are dropped rather than refused, like the other lists' filters: a shared link keeps working.
const year = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

export const LoopQuerySchema = z.object({ year });

export const FigureQuerySchema = z.object({
  year,
  goal: z.string().optional().catch(undefined),
  // An indicator ("i:<id>") or a unit of results without one ("u:<unit>").
  result: z.string().regex(/^[iu]:/).optional().catch(undefined),
});

export const FigureSchema = z.enum(FIGURES);

/** Query string values, empty ones left out (an empty select means "all"). */
export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
}
