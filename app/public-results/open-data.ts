import { formatDate } from "~/i18n/i18n";
import { csvKronor, toCsv } from "~/csv/csv";
import type { Money, PublicLesson, PublicResults } from "./public-results.server";

// The open data: the public results as JSON (GET /api/v1/results/<slug>) and
// as CSV files. Field names are the same in both, and documented in docs/api.md;
// renaming one breaks someone's integration.

export const DATASETS = ["funds-by-goal", "funds-by-year", "results", "indicators", "lessons"] as const;
export type Dataset = (typeof DATASETS)[number];

/** Anyone may read the open data from anywhere; five minutes old is fresh enough. */
export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };
/** A "not found" is not kept, so that opting in shows at once. */
export const NOT_FOUND_HEADERS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };

/** Kronor as a JSON number rounded to öre. */
const kronor = (money: Money) => Number((Number(money.ore) / 100).toFixed(2));

export type Links = {
  /** The public page of a lesson. */
  lessonPage: (id: string) => string;
  /** The API address of a lesson. */
  lessonApi: (id: string) => string;
};

/** Absolute addresses, so that the data still points home when it is copied elsewhere. */
export function openDataLinks(origin: string, slug: string): Links {
  return {
    lessonPage: (id) => `${origin}/results/${slug}/lessons/${id}`,
    lessonApi: (id) => `${origin}/api/v1/results/${slug}/lessons/${id}`,
  };
}

export function resultsJson(data: PublicResults, links: Links) {
  return {
    organisation: { name: data.organisation.name, slug: data.organisation.slug },
    generatedAt: data.generatedAt,
    totals: {
      projectCount: data.totals.projectCount,
      decidedKronor: kronor(data.totals.decided),
      decidedOre: data.totals.decided.ore,
      withoutGoal: {
        projectCount: data.totals.withoutGoal.projectCount,
        decidedKronor: kronor(data.totals.withoutGoal.decided),
        decidedOre: data.totals.withoutGoal.decided.ore,
      },
    },
    fundsByGoal: data.fundsByGoal.map((row) => ({
      strategy: row.strategy,
      goal: row.goal,
      projectCount: row.projectCount,
      decidedKronor: kronor(row.decided),
      decidedOre: row.decided.ore,
    })),
    fundsByYear: data.fundsByYear.map((row) => ({
      year: row.year,
      projectCount: row.projectCount,
      decidedKronor: kronor(row.decided),
      decidedOre: row.decided.ore,
      projectSupportKronor: kronor(row.projectSupport),
      projectSupportOre: row.projectSupport.ore,
      companySupportKronor: kronor(row.companySupport),
      companySupportOre: row.companySupport.ore,
    })),
    results: data.results,
    indicators: data.indicators,
    lessons: data.lessons.map((lesson) => ({ ...lesson, url: links.lessonPage(lesson.id), apiUrl: links.lessonApi(lesson.id) })),
  };
}

export function lessonJson(data: { organisation: { name: string; slug: string }; lesson: PublicLesson }, links: Links) {
  return {
    organisation: { name: data.organisation.name, slug: data.organisation.slug },
    lesson: { ...data.lesson, url: links.lessonPage(data.lesson.id) },
  };
}

const goalList = (goals: { code: string; name: string }[]) => goals.map((g) => `${g.code ? `${g.code} ` : ""}${g.name}`).join(" | ");

/** One dataset as a CSV file; its columns are the JSON's fields, flattened. */
export function datasetCsv(data: PublicResults, dataset: Dataset, links: Links): string {
  switch (dataset) {
    case "funds-by-goal":
      return toCsv(
        ["strategy", "goalCode", "goalName", "projectCount", "decidedKronor", "decidedOre"],
        data.fundsByGoal.map((r) => [r.strategy.name, r.goal.code, r.goal.name, r.projectCount, csvKronor(r.decided.ore), r.decided.ore]),
      );
    case "funds-by-year":
      return toCsv(
        ["year", "projectCount", "decidedKronor", "decidedOre", "projectSupportKronor", "projectSupportOre", "companySupportKronor", "companySupportOre"],
        data.fundsByYear.map((r) => [
          r.year,
          r.projectCount,
          csvKronor(r.decided.ore),
          r.decided.ore,
          csvKronor(r.projectSupport.ore),
          r.projectSupport.ore,
          csvKronor(r.companySupport.ore),
          r.companySupport.ore,
        ]),
      );
    case "results":
      return toCsv(
        ["indicator", "goalCode", "goalName", "unit", "expected", "realised", "projectCount"],
        data.results.map((r) => [r.indicator.name, r.indicator.goalCode, r.indicator.goalName, r.unit, r.expected, r.realised, r.projectCount]),
      );
    case "indicators":
      return toCsv(
        ["indicator", "goalCode", "goalName", "unit", "baselineValue", "baselineYear", "latestValue", "latestYear", "targetValue", "targetYear", "source"],
        data.indicators.map((i) => [
          i.name,
          i.goal.code,
          i.goal.name,
          i.unit,
          i.baseline?.value,
          i.baseline?.year,
          i.latest?.value,
          i.latest?.year,
          i.target?.value,
          i.target?.year,
          i.source,
        ]),
      );
    case "lessons":
      return toCsv(
        ["id", "title", "whatWeLearned", "publishedAt", "goals", "url"],
        data.lessons.map((l) => [l.id, l.title, l.whatWeLearned, formatDate(l.publishedAt), goalList(l.goals), links.lessonPage(l.id)]),
      );
  }
}
