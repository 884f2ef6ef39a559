import { Form, Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/i18n/i18n";
import { REACTIONS } from "./options";
import type { PostView } from "./threads.server";

type Props = {
  post: PostView;
  slug: string;
  threadId: string;
  currentUserId: string;
  canReply: boolean;
  canModerate: boolean;
  hiddenHtml?: string;
  firstUnread: boolean;
  hideError?: string;
  page: number;
  onQuote: (post: PostView) => void;
};

/** One post of a thread: author, quote, text, reactions and what the viewer may do with it. */
export function PostCard({ post, slug, threadId, currentUserId, canReply, canModerate, hiddenHtml, firstUnread, hideError, page, onQuote }: Props) {
  const { t } = useTranslation();
  const reactions = useFetcher();
  const own = post.author?.id === currentUserId;
  const removed = post.deleted || post.hiddenReason !== null;
  const headingId = `post-${post.number}-heading`;
  return (
    <article id={`post-${post.number}`} className={removed ? "post post--removed" : "post"} aria-labelledby={headingId} tabIndex={-1}>
      {firstUnread ? (
        <p className="post__unread-divider" id="first-unread">
          {t("threads.firstUnread")}
        </p>
      ) : null}
      <header className="post__header">
        <h3 id={headingId} className="post__author">
          <span className="visually-hidden">{t("threads.postNumber", { number: post.number })} </span>
          {post.author?.name ?? t("threads.formerMember")}
          {post.authorOrganisation ? <span className="muted"> · {post.authorOrganisation}</span> : null}
        </h3>
        <p className="muted post__meta">
          <a href={`#post-${post.number}`}>
            <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
          </a>
          {post.editedAt ? (
            <>
              {" · "}
              <Link to={`/o/${slug}/daily/${threadId}/posts/${post.id}/history`}>{t("threads.edited", { count: post.revisions })}</Link>
            </>
          ) : null}
          <span aria-hidden="true" className="post__number">
            {" "}
            #{post.number}
          </span>
        </p>
      </header>

      {post.deleted ? (
        <p className="post__notice">{t("threads.postRemoved")}</p>
      ) : post.hiddenReason !== null ? (
        <div className="post__notice">
          <p>{t("threads.postHidden", { reason: post.hiddenReason })}</p>
          {canModerate && hiddenHtml ? (
            <details>
              <summary>{t("threads.showHiddenText")}</summary>
              <div className="rich-text" dangerouslySetInnerHTML={{ __html: hiddenHtml }} />
            </details>
          ) : null}
        </div>
      ) : (
        <>
          {post.quote ? (
            <blockquote className="post__quote">
              <p className="muted">
                <a href={`#post-${post.quote.number}`}>{t("threads.quoteOf", { name: post.quote.author ?? t("threads.formerMember"), number: post.quote.number })}</a>
              </p>
              {post.quote.excerpt ? <p>{post.quote.excerpt}</p> : <p className="muted">{t("threads.postRemoved")}</p>}
            </blockquote>
          ) : null}
          {/* Rendered and sanitised on the server when saved (app/lessons/rich-text.server.ts). */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: post.html }} />
        </>
      )}

      {post.lessons.length ? (
        <p className="post__lessons">
          {t("threads.becameLesson")}{" "}
          {post.lessons.map((lesson, i) => (
            <span key={lesson.id}>
              {i > 0 ? ", " : null}
              <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
            </span>
          ))}
        </p>
      ) : null}

      {!removed ? (
        <footer className="post__actions">
          <reactions.Form method="post" className="reactions" aria-label={t("threads.reactionsLabel", { number: post.number })}>
            <input type="hidden" name="intent" value="react" />
            <input type="hidden" name="postId" value={post.id} />
            {REACTIONS.map((kind) => {
              const mine = post.reactions[kind].includes(currentUserId);
              const count = post.reactions[kind].length;
              return (
                <button key={kind} type="submit" name="kind" value={kind} className="reaction" aria-pressed={mine}>
                  {t(`threads.reactions.${kind}`)} <span className="reaction__count">{count}</span>
                  <span className="visually-hidden">{t("threads.reactionCount", { count })}</span>
                </button>
              );
            })}
          </reactions.Form>
          {canReply ? (
            // Without JavaScript the link reloads the page with the quote chosen.
            <Link
              to={`?page=${page}&quote=${post.id}#reply-heading`}
              onClick={(event) => {
                event.preventDefault();
                onQuote(post);
              }}
            >
              {t("threads.quote")}
              <span className="visually-hidden"> {t("threads.postNumber", { number: post.number })}</span>
            </Link>
          ) : null}
          {own && canReply ? (
            <Link to={`/o/${slug}/daily/${threadId}/posts/${post.id}/edit`}>
              {t("threads.edit")}
              <span className="visually-hidden"> {t("threads.postNumber", { number: post.number })}</span>
            </Link>
          ) : null}
          <Link to={`/o/${slug}/lessons/new?post=${post.id}`}>
            {t("threads.promotePost")}
            <span className="visually-hidden"> {t("threads.postNumber", { number: post.number })}</span>
          </Link>
          {own || canModerate ? (
            <details className="post__confirm">
              <summary>
                {t("threads.delete")}
                <span className="visually-hidden"> {t("threads.postNumber", { number: post.number })}</span>
              </summary>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete-post" />
                <input type="hidden" name="postId" value={post.id} />
                <p>{t("threads.deleteConfirm")}</p>
                <button type="submit" className="button button--danger">
                  {t("threads.deleteConfirmButton")}
                </button>
              </Form>
            </details>
          ) : null}
          {canModerate ? (
            <details className="post__confirm" open={Boolean(hideError)}>
              <summary>
                {t("threads.hide")}
                <span className="visually-hidden"> {t("threads.postNumber", { number: post.number })}</span>
              </summary>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="hide-post" />
                <input type="hidden" name="postId" value={post.id} />
                <div className={hideError ? "field field--error" : "field"}>
                  <label htmlFor={`hide-reason-${post.id}`}>{t("threads.hideReason")}</label>
                  {hideError ? (
                    <p id={`hide-reason-${post.id}-error`} className="field__error">
                      {t(hideError)}
                    </p>
                  ) : null}
                  <input
                    id={`hide-reason-${post.id}`}
                    name="reason"
                    required
                    minLength={3}
                    maxLength={2000}
                    aria-invalid={hideError ? true : undefined}
                    aria-describedby={hideError ? `hide-reason-${post.id}-error` : undefined}
                  />
                </div>
                <div>
                  <button type="submit" className="button button--danger">
                    {t("threads.hideButton")}
                  </button>
                </div>
              </Form>
            </details>
          ) : null}
        </footer>
      ) : canModerate && post.hiddenReason !== null ? (
        <footer className="post__actions">
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="unhide-post" />
            <input type="hidden" name="postId" value={post.id} />
            <button type="submit" className="button button--secondary">
              {t("threads.unhide")}
            </button>
          </Form>
        </footer>
      ) : null}
    </article>
  );
}
