import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { appOrigin } from "~/auth/guards.server";
import { FormErrors, StatusMessage } from "~/components/forms";
import { requireViewer } from "~/lessons/viewer.server";
import { markThreadNotificationsRead } from "~/notifications/notifications.server";
import { PostCard } from "~/threads/post-card";
import { composePostBody } from "~/threads/post-body.server";
import { deletePost, moveThread, reply, setFollowing, setPostHidden, setThreadLocked, toggleReaction, type Result } from "~/threads/posts.server";
import { focusReplyBox, ReplyForm } from "~/threads/reply-form";
import {
  DeletePostSchema,
  FollowSchema,
  HidePostSchema,
  LockSchema,
  MoveSchema,
  ReactSchema,
  ReplySchema,
  UnhidePostSchema,
} from "~/threads/schemas";
import { listOwnCategories } from "~/threads/categories.server";
import { pageOfPost } from "~/threads/options";
import { markRead, mentionableMembers, threadPage, type PostView } from "~/threads/threads.server";
import { useThreadLive } from "~/threads/use-thread-live";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.thread.title ?? ""} · Lärloop` }];

const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  post: z.coerce.number().int().min(1).optional().catch(undefined),
  quote: z.string().optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer, user } = await requireViewer(request, context, params.slug);
  const query = PageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const loadedAt = new Date().toISOString();
  const page = query.page ?? (query.post ? pageOfPost(query.post) : 1);
  const data = await threadPage(viewer, params.threadId ?? "", page);
  if (!data) throw new Response("Not Found", { status: 404 });
  const shownUpTo = data.posts.at(-1)?.number ?? 0;
  if (shownUpTo) {
    await markRead(user.id, data.thread.id, shownUpTo);
    await markThreadNotificationsRead(user.id, data.thread.id, shownUpTo);
  }
  const [members, categories] = await Promise.all([
    data.canReply ? mentionableMembers(viewer, data.thread.organisationId) : Promise.resolve([] as { id: string; name: string }[]),
    data.canModerate ? listOwnCategories(organisation.id) : [],
  ]);
  return {
    ...data,
    slug: organisation.slug,
    organisationId: organisation.id,
    currentUserId: user.id,
    loadedAt,
    members,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    quoteId: query.quote ?? "",
  };
}

type ActionData = { intent: string; ok: boolean; notice?: string; error?: string; postId?: string; result?: unknown };

function outcome(intent: string, result: Result<unknown>, notice?: string) {
  if (result.ok) return json<ActionData>({ intent, ok: true, notice });
  if (result.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (result.error === "forbidden") throw new Response("Forbidden", { status: 403 });
  return json<ActionData>({ intent, ok: false, error: `threads.errors.${result.error}` }, { status: 409 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const threadId = params.threadId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  switch (intent) {
    case "reply": {
      const submission = parseWithZod(formData, { schema: ReplySchema });
      if (submission.status !== "success") return json({ intent, ok: false, result: submission.reply() }, { status: 400 });
      const body = composePostBody(submission.value);
      if (!body) return json({ intent, ok: false, result: submission.reply({ fieldErrors: { body: ["lessons.invalidBody"] } }) }, { status: 400 });
      if (!body.rendered.text.trim()) return json({ intent, ok: false, result: submission.reply({ fieldErrors: { body: ["validation.postRequired"] } }) }, { status: 400 });
      const result = await reply(viewer, threadId, body, submission.value.quotedPostId, appOrigin(request));
      if (!result.ok && result.error === "locked") return json({ intent, ok: false, result: submission.reply({ formErrors: ["threads.errors.locked"] }) }, { status: 409 });
      if (!result.ok) throw new Response("Not Found", { status: 404 });
      return json({ intent, ok: true, result: submission.reply({ resetForm: true }) });
    }
    case "react": {
      const input = ReactSchema.safeParse(Object.fromEntries(formData));
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return outcome(intent, await toggleReaction(viewer, threadId, input.data.postId, input.data.kind));
    }
    case "delete-post": {
      const input = DeletePostSchema.safeParse(Object.fromEntries(formData));
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return outcome(intent, await deletePost(viewer, threadId, input.data.postId), "threads.notices.deleted");
    }
    case "hide-post": {
      const input = HidePostSchema.safeParse(Object.fromEntries(formData));
      if (!input.success) {
        return json<ActionData>({ intent, ok: false, postId: String(formData.get("postId") ?? ""), error: input.error.issues[0]?.message }, { status: 400 });
      }
      return outcome(intent, await setPostHidden(viewer, threadId, input.data.postId, true, input.data.reason), "threads.notices.hidden");
    }
    case "unhide-post": {
      const input = UnhidePostSchema.safeParse(Object.fromEntries(formData));
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return outcome(intent, await setPostHidden(viewer, threadId, input.data.postId, false, ""), "threads.notices.unhidden");
    }
    case "lock":
    case "unlock": {
      const input = LockSchema.parse({ intent });
      return outcome(intent, await setThreadLocked(viewer, threadId, input.intent === "lock"), `threads.notices.${input.intent}ed`);
    }
    case "move": {
      const input = MoveSchema.safeParse(Object.fromEntries(formData));
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return outcome(intent, await moveThread(viewer, threadId, input.data.categoryId), "threads.notices.moved");
    }
    case "follow":
    case "unfollow": {
      const input = FollowSchema.parse({ intent });
      if (!(await setFollowing(viewer, threadId, input.intent === "follow"))) throw new Response("Not Found", { status: 404 });
      return json<ActionData>({ intent, ok: true, notice: `threads.notices.${input.intent}ed` });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function Pagination({ page, pages, label }: { page: number; pages: number; label: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={`?page=${page - 1}`}>{t("pagination.previous")}</Link>
          </li>
        ) : null}
        {shown.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{t("pagination.page", { page: p })}</span>
            ) : (
              <Link to={`?page=${p}`}>{t("pagination.page", { page: p })}</Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link to={`?page=${page + 1}`}>{t("pagination.next")}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export default function ThreadPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { thread, slug, page, pages } = data;
  const live = useThreadLive({
    threadId: thread.id,
    organisationId: data.organisationId,
    currentUserId: data.currentUserId,
    posts: data.posts,
    postCount: thread.postCount,
    loadedAt: data.loadedAt,
    locked: thread.locked,
    onLastPage: page === pages,
  });
  const [quote, setQuote] = useState<PostView | null>(null);
  const clearQuote = useCallback(() => setQuote(null), []);
  const quotePost = (post: PostView) => {
    setQuote(post);
    focusReplyBox();
  };
  const firstUnread = data.lastReadNumber + 1;
  const canReply = !live.locked || data.canModerate;
  const latest = live.posts.at(-1);

  return (
    <div className="page thread">
      <p className="muted">
        <Link to={`/o/${slug}/daily`}>{t("areas.daily")}</Link>
        {" › "}
        {thread.own ? <Link to={`/o/${slug}/daily?category=${thread.category.id}`}>{thread.category.name}</Link> : thread.category.name}
        {!thread.own ? ` · ${t("threads.from", { organisation: thread.organisationName })}` : null}
      </p>
      <h1>{thread.title}</h1>
      <p className="badges">
        {thread.category.networkId ? <span className="badge">{t("threads.sharedCategory")}</span> : null}
        {live.locked ? <span className="badge badge--warning">{t("threads.locked")}</span> : null}
      </p>
      {actionData?.notice ? <StatusMessage>{t(actionData.notice)}</StatusMessage> : null}
      {actionData?.error && actionData.intent !== "hide-post" ? <FormErrors id="thread-error" errors={[actionData.error]} /> : null}

      <dl className="facts">
        {thread.project ? (
          <div>
            <dt>{t("threads.project")}</dt>
            <dd>
              {thread.own ? <Link to={`/o/${slug}/projects/${thread.project.id}`}>{`${thread.project.caseNumber} ${thread.project.name}`}</Link> : `${thread.project.caseNumber} ${thread.project.name}`}
            </dd>
          </div>
        ) : null}
        {thread.goals.length ? (
          <div>
            <dt>{t("threads.goals")}</dt>
            <dd>
              <ul className="inline-list">
                {thread.goals.map((goal) => (
                  <li key={goal.id}>{thread.own ? <Link to={`/o/${slug}/goals/${goal.id}`}>{`${goal.code} ${goal.name}`.trim()}</Link> : `${goal.code} ${goal.name}`.trim()}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {thread.tags.length ? (
          <div>
            <dt>{t("threads.tags")}</dt>
            <dd>
              <ul className="inline-list">
                {thread.tags.map((tag) => (
                  <li key={tag.id} className="tag" title={tag.dimension}>
                    {tag.name}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {data.lessons.length ? (
          <div>
            <dt>{t("threads.lessonsFromThread")}</dt>
            <dd>
              <ul className="inline-list">
                {data.lessons.map((lesson) => (
                  <li key={lesson.id}>
                    <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>

      <div className="actions thread__actions">
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value={data.following ? "unfollow" : "follow"} />
          <button type="submit" className="button button--secondary" aria-pressed={data.following}>
            {data.following ? t("threads.following") : t("threads.follow")}
          </button>
        </Form>
        <Link to={`/o/${slug}/lessons/new?thread=${thread.id}`} className="button button--secondary">
          {t("threads.promoteThread")}
        </Link>
        {firstUnread <= thread.postCount && data.lastReadNumber > 0 ? (
          <Link to={`?page=${pageOfPost(firstUnread)}#post-${firstUnread}`}>{t("threads.jumpToUnread")}</Link>
        ) : null}
        {pages > 1 && page !== pages ? <Link to={`?page=${pages}#post-${thread.postCount}`}>{t("threads.jumpToLatest")}</Link> : null}
      </div>

      {data.canModerate ? (
        <details className="moderation">
          <summary>{t("threads.moderate")}</summary>
          <div className="stack">
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value={live.locked ? "unlock" : "lock"} />
              <button type="submit" className="button button--secondary">
                {live.locked ? t("threads.unlock") : t("threads.lock")}
              </button>
            </Form>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="move" />
              <div className="field">
                <label htmlFor="move-category">{t("threads.moveTo")}</label>
                <select id="move-category" name="categoryId" defaultValue={thread.category.id}>
                  {data.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary">
                {t("threads.move")}
              </button>
            </Form>
            <Link to={`/o/${slug}/daily/moderation`}>{t("threads.moderationLog")}</Link>
          </div>
        </details>
      ) : null}

      <Pagination page={page} pages={pages} label={t("threads.pagesTop")} />

      <p role="status" className={live.status === "disconnected" ? "alert alert--warning" : "visually-hidden"}>
        {live.status === "disconnected"
          ? t("threads.disconnected")
          : live.caughtUp !== null
            ? t("threads.caughtUp", { count: live.caughtUp })
            : ""}
      </p>

      <section aria-label={t("threads.postsLabel")} className="posts">
        {live.posts.map((post) => (
          <PostCard
            key={post.id}
            post={post}
            slug={slug}
            threadId={thread.id}
            currentUserId={data.currentUserId}
            canReply={canReply}
            canModerate={data.canModerate}
            hiddenHtml={data.hiddenTexts[post.id]}
            hideError={actionData?.intent === "hide-post" && actionData.postId === post.id ? actionData.error : undefined}
            firstUnread={data.lastReadNumber > 0 && post.number === firstUnread}
            page={page}
            onQuote={quotePost}
          />
        ))}
      </section>

      {/* New posts are announced politely, once each, for screen-reader users following along. */}
      <p aria-live="polite" className="visually-hidden">
        {latest && latest.number > thread.postCount && latest.author?.id !== data.currentUserId
          ? t("threads.newPostAnnounced", { name: latest.author?.name ?? t("threads.formerMember") })
          : ""}
      </p>

      {live.newer > 0 ? (
        <p className="alert alert--info">
          <Link to={`?post=${thread.postCount + 1}#post-${thread.postCount + 1}`}>
            {t("threads.newerPosts", { count: live.newer })}
          </Link>
        </p>
      ) : null}

      <p className="typing muted" aria-hidden={live.typists.length === 0}>
        {live.typists.length ? t("threads.typing", { names: live.typists.map((x) => x.name).join(", "), count: live.typists.length }) : "\u00a0"}
      </p>

      <Pagination page={page} pages={pages} label={t("threads.pagesBottom")} />

      {canReply ? (
        <ReplyForm
          members={data.members}
          quote={quote}
          clearQuote={clearQuote}
          onTyping={live.typing}
          initialQuoteId={data.quoteId}
          pageResult={actionData?.intent === "reply" ? (actionData.result as SubmissionResult<string[]>) : undefined}
        />
      ) : (
        <p className="alert alert--info">{t("threads.lockedNotice")}</p>
      )}
    </div>
  );
}
