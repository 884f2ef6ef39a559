import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filter-select";
import { formatDate, formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { FEED_PAGE, feedOptions, networkFeed, parseFeedFilters, type FeedItem } from "~/networks/feed.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networkFeed.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const options = await feedOptions(viewer);
  const filters = parseFeedFilters(new URL(request.url).searchParams, options);
  const feed = await networkFeed(viewer, organisation.slug, options, filters);
  return {
    slug: organisation.slug,
    networks: options.networks.map((n) => ({ value: n.id, label: n.name })),
    goalGroups: options.goalGroups,
    tagGroups: options.tagGroups,
    filters,
    ...feed,
  };
}

function ItemDates({ item }: { item: FeedItem }) {
  const { t } = useTranslation();
  if (item.kind === "lesson") return <>{t("networkFeed.published", { date: formatDate(item.date) })}</>;
  if (item.kind === "thread") return <>{t("networkFeed.lastPost", { date: formatDateTime(item.date) })}</>;
  return (
    <>
      {t("networkFeed.starts", { date: formatDateTime(item.startsAt!) })} · {t("networkFeed.sharedSession", { date: formatDate(item.date) })}
    </>
  );
}

export default function NetworkFeed() {
  const { t } = useTranslation();
  const { slug, networks, goalGroups, tagGroups, filters, items, more } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.network || filters.goal || filters.tag);
  const moreParams = new URLSearchParams(
    Object.entries({ network: filters.network, goal: filters.goal, tag: filters.tag, show: String(filters.show + FEED_PAGE) }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/networks`}>{t("networkFeed.networks")}</Link>
      </p>
      <h1>{t("networkFeed.title")}</h1>
      <p className="lead">{t("networkFeed.intro")}</p>

      {networks.length === 0 ? (
        <>
          <p role="status">{t("networkFeed.noNetworks")}</p>
          <p>
            <Link to={`/o/${slug}/networks`}>{t("networkFeed.toNetworks")}</Link>
          </p>
        </>
      ) : (
        <>
          <Form method="get" className="filters" aria-labelledby="feed-filters-heading">
            <h2 id="feed-filters-heading" className="visually-hidden">
              {t("networkFeed.filters")}
            </h2>
            <FilterSelect name="network" label={t("networkFeed.filterNetwork")} value={filters.network} options={networks} />
            <FilterSelect name="goal" label={t("networkFeed.filterGoal")} value={filters.goal} groups={goalGroups} />
            <FilterSelect name="tag" label={t("networkFeed.filterTag")} value={filters.tag} groups={tagGroups} />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("networkFeed.applyFilters")}
              </button>
              {filtered ? <Link to=".">{t("networkFeed.clearFilters")}</Link> : null}
            </div>
            <p className="muted">{t("networkFeed.filterHint")}</p>
          </Form>

          {items.length === 0 ? (
            <div role="status">
              {filtered ? (
                <p>{t("networkFeed.emptyFiltered")}</p>
              ) : (
                <>
                  <p>{t("networkFeed.empty")}</p>
                  <p className="muted">{t("networkFeed.emptyHint")}</p>
                </>
              )}
            </div>
          ) : (
            <>
              <p className="muted">{t("networkFeed.showing", { count: items.length })}</p>
              <ul className="card-list">
                {items.map((item, i) => (
                  <li key={`${item.kind}-${item.id}`} id={`feed-item-${i + 1}`} className="card">
                    <p className="badges">
                      <span className="badge badge--evidence">{t(`networkFeed.kinds.${item.kind}`)}</span>
                      <span className="badge">{item.organisation}</span>
                    </p>
                    <h2>
                      <Link to={item.href}>{item.title}</Link>
                    </h2>
                    {item.excerpt ? <p className="excerpt">{item.excerpt}</p> : null}
                    <p className="muted">
                      <ItemDates item={item} />
                      {item.category ? ` · ${t("networkFeed.inCategory", { category: item.category })}` : ""}
                      {item.replies !== null ? ` · ${t("networkFeed.replies", { count: item.replies })}` : ""}
                      {networks.length > 1 ? ` · ${t("networkFeed.inNetwork", { network: item.network })}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
              {more ? (
                <p>
                  <Link to={`?${moreParams}#feed-item-${items.length + 1}`} className="button button--secondary">
                    {t("networkFeed.showMore")}
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
