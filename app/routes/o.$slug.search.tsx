import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/page-title";
import { StatusBadge } from "~/lessons/badges";
import { requireViewer } from "~/lessons/viewer.server";
import { Highlighted } from "~/search/highlighted";
import { search } from "~/search/search.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "search.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return { slug: organisation.slug, q, hits: q.trim() ? await search(viewer, q) : [] };
}

export default function Search() {
  const { t } = useTranslation();
  const { slug, q, hits } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow-wide">
      <h1>{t("search.title")}</h1>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="search-q">{t("search.label")}</label>
        <input id="search-q" type="search" name="q" defaultValue={q} />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      {q.trim() ? (
        <p role="status">{t("search.count", { count: hits.length, q })}</p>
      ) : null}
      <ol className="search-results">
        {hits.map((hit) => (
          <li key={`${hit.kind}-${hit.id}`} className="card">
            <p className="muted">
              {hit.kind === "project"
                ? t("search.project")
                : `${hit.kind === "lesson" ? t("search.lesson") : t("search.thread")}${hit.own ? "" : ` · ${hit.organisationName}`}`}
            </p>
            <h2>
              <Link
                to={
                  hit.kind === "thread"
                    ? `/o/${slug}/daily/${hit.id}?post=${hit.postNumber}#post-${hit.postNumber}`
                    : `/o/${slug}/${hit.kind === "lesson" ? "lessons" : "projects"}/${hit.id}`
                }
              >
                <Highlighted segments={hit.title} />
              </Link>
            </h2>
            {hit.kind === "lesson" ? <StatusBadge status={hit.status} /> : null}
            <p>
              <Highlighted segments={hit.excerpt} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
