import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect, goalFilterOptions, recentYears, tagFilterGroups } from "~/components/filter-select";
import { z } from "zod";
import { goalOptions } from "~/goals/goals.server";
import { listDimensions } from "~/goals/tags.server";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { EvidenceBadge, StatusBadge } from "~/lessons/badges";
import { listLessons } from "~/lessons/lessons.server";
import { EVIDENCE_LEVELS, SOURCE_TYPES } from "~/lessons/options";
import { requireViewer } from "~/lessons/viewer.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "lessons.title");

// Unknown filter values are dropped rather than refused: a shared link keeps working.
const FiltersSchema = z.object({
  goal: z.string().optional().catch(undefined),
  tag: z.string().optional().catch(undefined),
  source: z.enum(SOURCE_TYPES).optional().catch(undefined),
  evidence: z.enum(EVIDENCE_LEVELS).optional().catch(undefined),
  scope: z.enum(["own", "shared"]).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filters = FiltersSchema.parse(raw);
  const [lessons, goals, dimensions] = await Promise.all([
    listLessons(viewer, {
      goalId: filters.goal,
      tagId: filters.tag,
      sourceType: filters.source,
      evidence: filters.evidence,
      scope: filters.scope,
      year: filters.year,
    }),
    goalOptions(organisation.id),
    listDimensions(organisation.id),
  ]);
  return { slug: organisation.slug, organisationId: organisation.id, lessons, goals, dimensions, filters };
}

export default function Lessons() {
  const { t } = useTranslation();
  const { slug, organisationId, lessons, goals, dimensions, filters } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("lessons.title")}</h1>
        <Link to="new" className="button">
          {t("lessons.new")}
        </Link>
      </div>
      <p className="lead">{t("lessons.intro")}</p>

      <Form method="get" className="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          {t("lessons.filters")}
        </h2>
        <FilterSelect name="goal" label={t("lessons.filterGoal")} value={filters.goal} options={goalFilterOptions(goals)} />
        <FilterSelect name="tag" label={t("lessons.filterTag")} value={filters.tag} groups={tagFilterGroups(dimensions)} />
        <FilterSelect
          name="source"
          label={t("lessons.filterSource")}
          value={filters.source}
          options={SOURCE_TYPES.map((s) => ({ value: s, label: t(`lessons.sourceTypes.${s}`) }))}
        />
        <FilterSelect
          name="evidence"
          label={t("lessons.filterEvidence")}
          value={filters.evidence}
          options={EVIDENCE_LEVELS.map((e) => ({ value: e, label: t(`lessons.evidenceLevels.${e}`) }))}
        />
        <FilterSelect
          name="scope"
          label={t("lessons.filterScope")}
          value={filters.scope}
          options={[
            { value: "own", label: t("lessons.scopeOwn") },
            { value: "shared", label: t("lessons.scopeShared") },
          ]}
        />
        <FilterSelect name="year" label={t("lessons.filterYear")} value={filters.year} options={recentYears(8)} />
        <div>
          <button type="submit" className="button button--secondary">
            {t("lessons.applyFilters")}
          </button>
        </div>
      </Form>

      {lessons.length === 0 ? <p role="status">{t("lessons.none")}</p> : null}
      <ul className="lesson-list">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="card">
            <h2>
              <Link to={lesson.id}>{lesson.title}</Link>
            </h2>
            <p className="badges">
              <StatusBadge status={lesson.status} /> <EvidenceBadge evidence={lesson.evidence} />
              {lesson.organisation.id !== organisationId ? <span className="badge">{t("lessons.from", { organisation: lesson.organisation.name })}</span> : null}
            </p>
            {lesson.whatWeLearned ? <p className="excerpt">{lesson.whatWeLearned}</p> : null}
            <p className="muted">
              {lesson.author?.name ?? t("threads.formerMember")}
              {lesson.publishedAt ? ` · ${formatDate(lesson.publishedAt)}` : ""}
              {` · ${t("lessons.usefulCount", { count: lesson._count.usefulMarks })}`}
              {lesson.goals.length ? ` · ${lesson.goals.map((g) => `${g.goal.code} ${g.goal.name}`.trim()).join(", ")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
