import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FilterSelect, goalFilterOptions, tagFilterGroups } from "~/components/filter-select";
import { goalOptions } from "~/goals/goals.server";
import { listDimensions } from "~/goals/tags.server";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { useLive } from "~/live/live-context";
import { hasRole } from "~/organisations/roles";
import { pageOfPost, THREAD_SORTS } from "~/threads/options";
import { ThreadListQuerySchema } from "~/threads/schemas";
import { listCategories, listThreads, type ThreadListItem } from "~/threads/threads.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "areas.daily");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const query = ThreadListQuerySchema.parse(raw);
  const [categories, list, goals, dimensions] = await Promise.all([
    listCategories(viewer),
    listThreads(viewer, { categoryId: query.category, goalId: query.goal, tagId: query.tag, sort: query.sort, page: query.page }),
    goalOptions(organisation.id),
    listDimensions(organisation.id),
  ]);
  return { slug: organisation.slug, currentUserId: viewer.userId, isAdmin: hasRole(viewer.role, "admin"), categories, ...list, goals, dimensions, query };
}

type Activity = { threadId: string; categoryId: string; postCount: number; replies: number; lastPostAt: string; locked: boolean; actorId: string | null };

/** Reply counts and unread markers follow the live channel; threads new to the list are offered, not pushed in. */
function useLiveThreadList(threads: ThreadListItem[], currentUserId: string) {
  const { socket, status } = useLive();
  const [rows, setRows] = useState(threads);
  const [unseen, setUnseen] = useState(0);
  useEffect(() => {
    setRows(threads);
    setUnseen(0);
  }, [threads]);
  useEffect(() => {
    if (!socket || status !== "connected") return;
    const onActivity = (activity: Activity) => {
      setRows((current) => {
        if (!current.some((t) => t.id === activity.threadId)) {
          setUnseen((n) => n + 1);
          return current;
        }
        return current.map((t) =>
          t.id === activity.threadId
            ? {
                ...t,
                postCount: activity.postCount,
                replies: activity.replies,
                lastPostAt: activity.lastPostAt,
                locked: activity.locked,
                unread: activity.actorId === currentUserId ? t.unread : t.unread + Math.max(0, activity.postCount - t.postCount),
              }
            : t,
        );
      });
    };
    socket.on("thread:activity", onActivity);
    return () => {
      socket.off("thread:activity", onActivity);
    };
  }, [socket, status, currentUserId]);
  return { rows, unseen };
}

export default function DailyLearning() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { rows, unseen } = useLiveThreadList(data.threads, data.currentUserId);
  const revalidator = useRevalidator();
  const { query } = data;
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(query.category ? { category: query.category } : {}), ...(query.goal ? { goal: query.goal } : {}), ...(query.tag ? { tag: query.tag } : {}), sort: query.sort, page: String(page) })}`;
  const chosen = data.categories.find((c) => c.id === query.category);

  return (
    <div className="page daily">
      <div className="page-header">
        <h1>{t("areas.daily")}</h1>
        <Link to={`new${query.category ? `?category=${query.category}` : ""}`} className="button">
          {t("threads.new")}
        </Link>
      </div>
      <p className="lead">{t("threads.intro")}</p>

      <nav aria-labelledby="categories-heading" className="categories">
        <h2 id="categories-heading">{t("threads.categories")}</h2>
        <ul className="category-list">
          <li>
            <Link to="." aria-current={!query.category ? "page" : undefined}>
              {t("threads.allCategories")}
            </Link>
          </li>
          {data.categories.map((category) => (
            <li key={category.id}>
              <Link to={`?category=${category.id}`} aria-current={query.category === category.id ? "page" : undefined}>
                {category.name}
              </Link>{" "}
              <span className="muted">
                {t("threads.threadCount", { count: category.threadCount })}
                {!category.own ? ` · ${category.organisationName}` : ""}
              </span>
              {category.shared ? <span className="badge">{t("threads.sharedCategory")}</span> : null}
              {category.description ? <p className="muted category-list__description">{category.description}</p> : null}
            </li>
          ))}
        </ul>
        {data.isAdmin ? <Link to={`/o/${data.slug}/settings/categories`}>{t("threads.manageCategories")}</Link> : null}
      </nav>

      <Form method="get" className="filters" aria-labelledby="thread-filters-heading">
        <h2 id="thread-filters-heading" className="visually-hidden">
          {t("threads.filters")}
        </h2>
        <FilterSelect name="category" label={t("threads.category")} value={query.category} options={data.categories.map((c) => ({ value: c.id, label: c.own ? c.name : `${c.name} (${c.organisationName})` }))} />
        <FilterSelect name="goal" label={t("lessons.filterGoal")} value={query.goal} options={goalFilterOptions(data.goals)} />
        <FilterSelect name="tag" label={t("lessons.filterTag")} value={query.tag} groups={tagFilterGroups(data.dimensions)} />
        <div className="field">
          <label htmlFor="thread-sort">{t("threads.sort")}</label>
          <select id="thread-sort" name="sort" defaultValue={query.sort}>
            {THREAD_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`threads.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            {t("lessons.applyFilters")}
          </button>
        </div>
      </Form>

      {unseen > 0 ? (
        <p className="alert alert--info" role="status">
          <button type="button" className="button button--link" onClick={() => revalidator.revalidate()}>
            {t("threads.newThreadsOffer", { count: unseen })}
          </button>
        </p>
      ) : null}

      {rows.length === 0 ? (
        <p role="status">{t("threads.none")}</p>
      ) : (
        <table className="table thread-table">
          <caption>
            {chosen ? chosen.name : t("threads.allCategories")} – {t("threads.threadCount", { count: data.total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("threads.thread")}</th>
              <th scope="col">{t("threads.replies")}</th>
              <th scope="col">{t("threads.activity")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((thread) => (
              <tr key={thread.id} data-thread-id={thread.id}>
                <td>
                  <Link
                    to={thread.neverRead || thread.unread === 0 ? thread.id : `${thread.id}?page=${pageOfPost(thread.firstUnread)}#post-${thread.firstUnread}`}
                    className="thread-table__title"
                  >
                    {thread.title}
                  </Link>{" "}
                  {thread.neverRead ? (
                    <span className="badge badge--new">{t("threads.new_badge")}</span>
                  ) : thread.unread > 0 ? (
                    <span className="badge badge--new">{t("threads.unread", { count: thread.unread })}</span>
                  ) : null}
                  {thread.locked ? <span className="badge badge--warning">{t("threads.locked")}</span> : null}
                  <p className="muted thread-table__meta">
                    {thread.category.name}
                    {!thread.own ? ` · ${thread.organisationName}` : ""}
                    {` · ${thread.author ?? t("threads.formerMember")}`}
                    {thread.lessonCount ? ` · ${t("threads.lessonCount", { count: thread.lessonCount })}` : ""}
                    {thread.tags.length ? ` · ${thread.tags.map((tag) => tag.name).join(", ")}` : ""}
                  </p>
                </td>
                <td className="numeric">{thread.replies}</td>
                <td>
                  <time dateTime={thread.lastPostAt}>{formatDateTime(thread.lastPostAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {data.pages > 1 ? (
        <nav aria-label={t("threads.listPages")} className="pagination">
          <ul>
            {Array.from({ length: data.pages }, (_, i) => i + 1).map((p) => (
              <li key={p}>{p === query.page ? <span aria-current="page">{t("pagination.page", { page: p })}</span> : <Link to={pageLink(p)}>{t("pagination.page", { page: p })}</Link>}</li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
