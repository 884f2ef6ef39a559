// The areas of an organisation's workspace. Later capabilities replace each
// placeholder with a route of its own.
export const AREAS = ["daily", "sessions", "lessons", "goals", "projects", "calls", "dashboard", "evaluations", "networks"] as const;
export type Area = (typeof AREAS)[number];

export function isArea(value: string | undefined): value is Area {
  return (AREAS as readonly string[]).includes(value ?? "");
}
