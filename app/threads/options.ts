export const REACTIONS = ["useful", "agree", "thanks"] as const;
export type Reaction = (typeof REACTIONS)[number];

export const THREAD_SORTS = ["activity", "newest", "replies"] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** Posts per page of a thread: a 1 000-post thread opens one page at a time. */
export const POSTS_PER_PAGE = 50;
export const THREADS_PER_PAGE = 30;

export const pageOfPost = (number: number) => Math.max(1, Math.ceil(number / POSTS_PER_PAGE));

/** A category's template: one section heading per non-empty line. */
export function templateSections(template: string): string[] {
  return template
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 8);
}
