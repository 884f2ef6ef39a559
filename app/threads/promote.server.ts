import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { threadReadableWhere } from "./threads.server";

// "Promote to lesson": a post, or a whole thread, becomes the draft of a
// lesson. Mentions become plain text, since a lesson body has no mention nodes.

type Node = { type?: string; text?: string; children?: Node[]; [key: string]: unknown };

const textNode = (text: string, format = 0): Node => ({ type: "text", text, detail: 0, format, mode: "normal", style: "", version: 1 });

function withoutMentions(node: Node): Node {
  if (node.type === "mention") return textNode(String(node.text ?? ""));
  return node.children ? { ...node, children: node.children.map(withoutMentions) } : node;
}

function blocksOf(json: string): Node[] {
  try {
    const state = JSON.parse(json) as { root?: Node };
    return (state.root?.children ?? []).map(withoutMentions);
  } catch {
    return [];
  }
}

const root = (children: Node[]) => JSON.stringify({ root: { type: "root", children, direction: null, format: "", indent: 0, version: 1 } });
const paragraph = (children: Node[]): Node => ({ type: "paragraph", children, direction: null, format: "", indent: 0, version: 1, textFormat: 0, textStyle: "" });

export type PromotionSource = {
  threadId: string;
  postId: string | null;
  title: string;
  body: string;
  sourceNote: string;
  projectId: string;
  goalIds: string[];
  tagIds: string[];
};

/** What a lesson promoted from this post or thread starts with; null when the viewer may not read it. */
export async function promotionSource(viewer: Viewer, from: { postId?: string | null; threadId?: string | null }): Promise<PromotionSource | null> {
  const post = from.postId
    ? await db.post.findFirst({ where: { id: from.postId, deletedAt: null, hiddenAt: null, thread: threadReadableWhere(viewer) }, select: { id: true, number: true, body: true, threadId: true } })
    : null;
  const threadId = post?.threadId ?? from.threadId ?? "";
  if (!threadId || (from.postId && !post)) return null;
  const thread = await db.thread.findFirst({
    where: { AND: [{ id: threadId }, threadReadableWhere(viewer)] },
    select: {
      id: true,
      title: true,
      organisationId: true,
      projectId: true,
      goals: { select: { goalId: true } },
      tags: { select: { tagId: true } },
    },
  });
  if (!thread) return null;
  let blocks: Node[];
  if (post) blocks = blocksOf(post.body);
  else {
    // A whole thread: each visible post under its author's name, in order.
    const posts = await db.post.findMany({
      where: { threadId, deletedAt: null, hiddenAt: null },
      orderBy: { number: "asc" },
      take: 200,
      select: { body: true, author: { select: { name: true } } },
    });
    blocks = posts.flatMap((p) => [paragraph([textNode(`${p.author?.name ?? "–"}:`, 1)]), ...blocksOf(p.body)]);
  }
  // Goals, tags and project are the thread organisation's own: they carry over only within it.
  const own = thread.organisationId === viewer.organisationId;
  return {
    threadId: thread.id,
    postId: post?.id ?? null,
    title: thread.title,
    body: blocks.length ? root(blocks) : "",
    sourceNote: post ? `${thread.title} #${post.number}` : thread.title,
    projectId: own ? (thread.projectId ?? "") : "",
    goalIds: own ? thread.goals.map((g) => g.goalId) : [],
    tagIds: own ? thread.tags.map((t) => t.tagId) : [],
  };
}
