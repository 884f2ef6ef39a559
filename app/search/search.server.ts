import { db } from "~/db.server";
import { readableWhere, type Viewer } from "~/lessons/lessons.server";
import { threadReadableWhere } from "~/threads/threads.server";
import { matchEntries, type StemQuery } from "./full-text.server";
import { highlight, stem, words, type Segment } from "./stemming.server";

// Endings the Swedish stemmer sometimes keeps ("återbruket"): a query word
// also matches without them, so definite and plural forms find each other.
const ENDINGS = ["arna", "erna", "orna", "en", "et", "na", "ar", "er", "or", "s"];

function variants(wordStem: string): string[] {
  const ending = ENDINGS.find((e) => wordStem.endsWith(e) && wordStem.length - e.length >= 4);
  return ending ? [wordStem, wordStem.slice(0, -ending.length)] : [wordStem];
}

/** Query words as stems, every word required, each matching any of its forms as a prefix. Exported for the benchmark. */
export function stemQuery(q: string): { query: StemQuery; stems: string[] } | null {
  const terms = [...new Set(words(q).map(stem).filter((s) => s.length >= 2))].slice(0, 12).map(variants);
  if (!terms.length) return null;
  return { query: terms, stems: terms.flat() };
}

export type SearchHit =
  | { kind: "lesson"; id: string; title: Segment[]; excerpt: Segment[]; organisationName: string; own: boolean; status: string }
  | { kind: "project"; id: string; title: Segment[]; excerpt: Segment[] }
  | { kind: "thread"; id: string; title: Segment[]; excerpt: Segment[]; postNumber: number; organisationName: string; own: boolean };

function excerptAround(text: string, stems: string[], length = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const lower = flat.toLocaleLowerCase("sv-SE");
  const at = Math.max(0, ...stems.map((s) => lower.indexOf(s)).filter((i) => i >= 0).slice(0, 1));
  const start = Math.max(0, at - 60);
  return (start > 0 ? "…" : "") + flat.slice(start, start + length) + (start + length < flat.length ? "…" : "");
}

/**
 * Ranked search over the lessons the viewer may read and their own
 * organisation's projects. Title matches weigh ten times body matches.
 */
export async function search(viewer: Viewer, q: string, limit = 30): Promise<SearchHit[]> {
  const query = stemQuery(q);
  if (!query) return [];
  const rows = await matchEntries(query.query, { organisationId: viewer.organisationId, limit: 200 });
  const idsOf = (...kinds: string[]) => rows.filter((r) => kinds.includes(r.kind)).map((r) => r.ref_id);
  const lessonIds = idsOf("lesson");
  const projectIds = idsOf("project");
  // The index narrows; the same rules as everywhere else decide what may be shown. Only ids
  // here: the text of a hit is read below for the few that make the page.
  const [readableLessons, ownProjects, posts] = await Promise.all([
    lessonIds.length ? db.lesson.findMany({ where: { AND: [{ id: { in: lessonIds } }, readableWhere(viewer)] }, select: { id: true } }) : [],
    projectIds.length ? db.project.findMany({ where: { id: { in: projectIds }, organisationId: viewer.organisationId }, select: { id: true } }) : [],
    idsOf("post").length
      ? db.post.findMany({ where: { id: { in: idsOf("post") }, deletedAt: null, hiddenAt: null }, select: { id: true, threadId: true, number: true, bodyText: true } })
      : [],
  ]);
  // Posts and threads lead to their thread; the thread rules decide who may see it.
  const threadIds = [...idsOf("thread"), ...posts.map((p) => p.threadId)];
  const threads = threadIds.length
    ? await db.thread.findMany({
        where: { AND: [{ id: { in: threadIds } }, threadReadableWhere(viewer)] },
        select: { id: true, title: true, organisationId: true, organisation: { select: { name: true } }, posts: { where: { number: 1 }, select: { bodyText: true } } },
      })
    : [];
  const readableLessonIds = new Set(readableLessons.map((l) => l.id));
  const ownProjectIds = new Set(ownProjects.map((p) => p.id));
  const postById = new Map(posts.map((p) => [p.id, p]));
  const threadById = new Map(threads.map((t) => [t.id, t]));

  // The best-ranked entries the viewer may see, one per thread, up to the limit.
  const shownThreads = new Set<string>();
  const shown = rows.filter((row) => {
    if (row.kind === "lesson") return readableLessonIds.has(row.ref_id);
    if (row.kind === "project") return ownProjectIds.has(row.ref_id);
    const post = row.kind === "post" ? postById.get(row.ref_id) : undefined;
    const thread = threadById.get(post?.threadId ?? row.ref_id);
    if (!thread || shownThreads.has(thread.id) || (row.kind === "post" && !post)) return false;
    shownThreads.add(thread.id);
    return true;
  }).slice(0, limit);
  const shownIds = (kind: string) => shown.filter((r) => r.kind === kind).map((r) => r.ref_id);
  const [lessons, projects] = await Promise.all([
    shownIds("lesson").length
      ? db.lesson.findMany({
          where: { id: { in: shownIds("lesson") } },
          select: { id: true, title: true, status: true, bodyHtml: true, whatWeLearned: true, context: true, organisation: { select: { id: true, name: true } } },
        })
      : [],
    shownIds("project").length
      ? db.project.findMany({ where: { id: { in: shownIds("project") } }, select: { id: true, caseNumber: true, name: true, beneficiary: true } })
      : [],
  ]);
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const projectById = new Map(projects.map((p) => [p.id, p]));

  const hits: SearchHit[] = [];
  for (const row of shown) {
    if (row.kind === "lesson") {
      const lesson = lessonById.get(row.ref_id);
      if (!lesson) continue;
      const text = [lesson.whatWeLearned, lesson.bodyHtml.replace(/<[^>]+>/g, " "), lesson.context].join(" ");
      hits.push({
        kind: "lesson",
        id: lesson.id,
        title: highlight(lesson.title, query.stems),
        excerpt: highlight(excerptAround(text, query.stems), query.stems),
        organisationName: lesson.organisation.name,
        own: lesson.organisation.id === viewer.organisationId,
        status: lesson.status,
      });
    } else if (row.kind === "project") {
      const project = projectById.get(row.ref_id);
      if (!project) continue;
      hits.push({
        kind: "project",
        id: project.id,
        title: highlight(`${project.caseNumber} ${project.name}`, query.stems),
        excerpt: highlight(project.beneficiary, query.stems),
      });
    } else {
      const post = row.kind === "post" ? postById.get(row.ref_id) : undefined;
      const thread = threadById.get(post?.threadId ?? row.ref_id)!;
      hits.push({
        kind: "thread",
        id: thread.id,
        title: highlight(thread.title, query.stems),
        excerpt: highlight(excerptAround(post?.bodyText ?? thread.posts[0]?.bodyText ?? "", query.stems), query.stems),
        postNumber: post?.number ?? 1,
        organisationName: thread.organisation.name,
        own: thread.organisationId === viewer.organisationId,
      });
    }
  }
  return hits;
}
