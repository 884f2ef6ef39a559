import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { pageOfPost } from "~/threads/options";
import { findReadableThread } from "~/threads/threads.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "threads.historyTitle");

/** Every earlier version of a post, newest first; removed and hidden posts keep their history to moderators only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const thread = await findReadableThread(viewer, params.threadId ?? "");
  if (!thread) throw new Response("Not Found", { status: 404 });
  const post = await db.post.findFirst({
    where: { id: params.postId ?? "", threadId: thread.id, deletedAt: null, hiddenAt: null },
    select: {
      id: true,
      number: true,
      bodyHtml: true,
      editedAt: true,
      createdAt: true,
      author: { select: { name: true } },
      revisions: { orderBy: { createdAt: "desc" }, select: { id: true, bodyHtml: true, createdAt: true, editor: { select: { name: true } } } },
    },
  });
  if (!post) throw new Response("Not Found", { status: 404 });
  return {
    slug: organisation.slug,
    thread: { id: thread.id, title: thread.title },
    post: { ...post, createdAt: post.createdAt.toISOString(), editedAt: post.editedAt?.toISOString() ?? null },
  };
}

export default function PostHistory() {
  const { t } = useTranslation();
  const { slug, thread, post } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/daily/${thread.id}?page=${pageOfPost(post.number)}#post-${post.number}`}>{thread.title}</Link>
      </p>
      <h1>{t("threads.historyTitle")}</h1>
      <p>{t("threads.historyIntro", { number: post.number, name: post.author?.name ?? t("threads.formerMember") })}</p>
      <section aria-labelledby="current-version" className="card">
        <h2 id="current-version">{t("threads.currentVersion")}</h2>
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      </section>
      <ol className="revision-list">
        {post.revisions.map((revision) => (
          <li key={revision.id} className="card">
            <h2>{t("threads.versionUntil", { date: formatDateTime(revision.createdAt) })}</h2>
            <div className="rich-text" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
          </li>
        ))}
      </ol>
    </div>
  );
}
