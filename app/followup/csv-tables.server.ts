import type { TFunction } from "i18next";
import { csvKronor, toCsv, type CsvCell } from "~/csv/csv";
import type { FollowupDashboard, FundsRow } from "./followup.server";
import { rowLabel, sharePercent } from "./format";

export const TABLES = ["goals", "dimension", "support", "years", "calls", "results", "indicators"] as const;
export type TableName = (typeof TABLES)[number];

export const isTable = (value: string | undefined): value is TableName => (TABLES as readonly string[]).includes(value ?? "");

const funds = (row: FundsRow): CsvCell[] => [row.count, csvKronor(row.sumOre)];

/** One of the dashboard's tables as CSV, with the same rows and numbers as the page. */
export function dashboardCsv(data: FollowupDashboard, table: TableName, t: TFunction): { filename: string; csv: string } {
  const c = (key: string) => t(`dashboard.columns.${key}`);
  const money = [c("projects"), c("amountKr")];
  let header: string[];
  let rows: CsvCell[][];
  switch (table) {
    case "goals":
      header = [c("strategy"), c("code"), c("goal"), c("level"), ...money];
      rows = data.goals.map((r) => [r.group ?? "", r.code ?? "", rowLabel({ ...r, code: undefined }, t), r.labelKey ? null : r.depth + 1, ...funds(r)]);
      break;
    case "dimension":
      header = [c("dimension"), c("tag"), ...money];
      rows = (data.dimension?.rows ?? []).map((r) => [data.dimension!.name, rowLabel(r, t), ...funds(r)]);
      break;
    case "support":
      header = [c("supportType"), ...money];
      rows = data.support.map((r) => [rowLabel(r, t), ...funds(r)]);
      break;
    case "years":
      header = [c("year"), ...money];
      rows = data.years.map((r) => [r.labelKey ? rowLabel(r, t) : Number(r.label), ...funds(r)]);
      break;
    case "calls":
      header = [c("call"), ...money];
      rows = data.calls.map((r) => [rowLabel(r, t), ...funds(r)]);
      break;
    case "results":
      header = [c("goal"), c("indicator"), c("unit"), c("expected"), c("realised"), c("sharePercent"), c("projects")];
      rows = data.results.rows.map((r) => [r.goal, r.indicator, r.unit, r.expected, r.realised, r.share === null ? null : sharePercent(r.share), r.projects]);
      break;
    case "indicators":
      header = [c("goal"), c("indicator"), c("unit"), c("baselineYear"), c("baseline"), c("targetYear"), c("target"), c("year"), c("value"), c("line"), c("behind")];
      rows = data.indicators.flatMap((i) => {
        const fixed: CsvCell[] = [i.goal, i.name, i.unit, i.baselineYear, i.baselineValue, i.targetYear, i.targetValue];
        const behind = i.gap ? c(i.gap.behind ? "yes" : "no") : null;
        if (i.values.length === 0) return [[...fixed, null, null, null, behind]];
        return i.values.map((v) => [...fixed, v.year, v.value, v.line === null ? null : Math.round(v.line * 100) / 100, behind]);
      });
      break;
  }
  const suffix = [table === "dimension" ? data.dimension?.key : null, data.year].filter(Boolean).join("-");
  return { filename: `${t(`dashboard.files.${table}`)}${suffix ? `-${suffix}` : ""}.csv`, csv: toCsv(header, rows) };
}
