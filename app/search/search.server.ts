import { db } from "~/db.server";
import { listLessons, type Viewer } from "~/lessons/lessons.server";
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
  const lessonIds = rows.filter((r) => r.kind === "lesson").map((r) => r.ref_id);
  const projectIds = rows.filter((r) => r.kind === "project").map((r) => r.ref_id);
  // The index narrows; the same rules as everywhere else decide what may be shown.
  const [lessons, projects] = await Promise.all([
    lessonIds.length ? listLessons(viewer, { ids: lessonIds }, 200) : [],
    projectIds.length
      ? db.project.findMany({
          where: { id: { in: projectIds }, organisationId: viewer.organisationId },
          select: { id: true, caseNumber: true, name: true, beneficiary: true },
        })
      : [],
  ]);
  const lessonDetails = lessonIds.length
    ? await db.lesson.findMany({ where: { id: { in: lessons.map((l) => l.id) } }, select: { id: true, bodyHtml: true, whatWeLearned: true, context: true } })
    : [];
  // Posts and threads lead to their thread; the thread rules decide who may see it.
  const postIds = rows.filter((r) => r.kind === "post").map((r) => r.ref_id);
  const threadIds = rows.filter((r) => r.kind === "thread").map((r) => r.ref_id);
  const posts = postIds.length
    ? await db.post.findMany({ where: { id: { in: postIds }, deletedAt: null, hiddenAt: null }, select: { id: true, threadId: true, number: true, bodyText: true } })
    : [];
  const threads = postIds.length || threadIds.length
    ? await db.thread.findMany({
        where: { AND: [{ id: { in: [...threadIds, ...posts.map((p) => p.threadId)] } }, threadReadableWhere(viewer)] },
        select: { id: true, title: true, organisationId: true, organisation: { select: { name: true } }, posts: { where: { number: 1 }, select: { bodyText: true } } },
      })
    : [];
  const postById = new Map(posts.map((p) => [p.id, p]));
  const threadById = new Map(threads.map((t) => [t.id, t]));
  const shownThreads = new Set<string>();
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const detailById = new Map(lessonDetails.map((d) => [d.id, d]));
  const projectById = new Map(projects.map((p) => [p.id, p]));

  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (row.kind === "lesson") {
      const lesson = lessonById.get(row.ref_id);
      const detail = detailById.get(row.ref_id);
      if (!lesson || !detail) continue;
      const text = [detail.whatWeLearned, detail.bodyHtml.replace(/<[^>]+>/g, " "), detail.context].join(" ");
      hits.push({
        kind: "lesson",
        id: lesson.id,
        title: highlight(lesson.title, query.stems),
        excerpt: highlight(excerptAround(text, query.stems), query.stems),
        organisationName: lesson.organisation.name,
        own: lesson.organisation.id === viewer.organisationId,
        status: lesson.status,
      });
    } else if (row.kind === "thread" || row.kind === "post") {
      const post = row.kind === "post" ? postById.get(row.ref_id) : undefined;
      const thread = threadById.get(post?.threadId ?? row.ref_id);
      if (!thread || shownThreads.has(thread.id) || (row.kind === "post" && !post)) continue;
      shownThreads.add(thread.id);
      hits.push({
        kind: "thread",
        id: thread.id,
        title: highlight(thread.title, query.stems),
        excerpt: highlight(excerptAround(post?.bodyText ?? thread.posts[0]?.bodyText ?? "", query.stems), query.stems),
        postNumber: post?.number ?? 1,
        organisationName: thread.organisation.name,
        own: thread.organisationId === viewer.organisationId,
      });
    } else {
      const project = projectById.get(row.ref_id);
      if (!project) continue;
      hits.push({
        kind: "project",
        id: project.id,
        title: highlight(`${project.caseNumber} ${project.name}`, query.stems),
        excerpt: highlight(project.beneficiary, query.stems),
      });
    }
    if (hits.length >= limit) break;
  }
  return hits;
}
