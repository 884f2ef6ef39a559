// The areas of an organisation's workspace, in the order the navigation shows them; each has a route of its own.
export const AREAS = ["daily", "sessions", "lessons", "goals", "projects", "calls", "dashboard", "evaluations", "networks"] as const;
export type Area = (typeof AREAS)[number];
