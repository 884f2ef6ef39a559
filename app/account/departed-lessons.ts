// What happens to a departing member's lessons: the organisation's setting, or the admin's choice at the time.
// Shared by the server and the forms (no server code here).
export const DEPARTED_LESSONS = ["keep", "delete"] as const;
export type DepartedLessons = (typeof DEPARTED_LESSONS)[number];

export const isDepartedLessons = (value: string): value is DepartedLessons => (DEPARTED_LESSONS as readonly string[]).includes(value);
