import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisation } from "~/auth/guards.server";
import { csvKronor, toCsv, type CsvCell } from "~/csv/csv";
import { translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";
import type { LoopFigures } from "~/loop/figures";
import { loopOverview } from "~/loop/loop.server";
import { LoopQuerySchema, searchParams } from "~/loop/schemas";

/** The per-goal table as CSV: semicolons and a byte order mark, so that Excel in Swedish opens it as it is. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug);
  const year = LoopQuerySchema.parse(searchParams(request)).year ?? null;
  const { goals, total } = await loopOverview(organisation.id, year);
  const t = translator(await requestLocale(request, context));

  const figures = (f: LoopFigures): CsvCell[] => [f.published, f.applied, f.medianDays, f.callsWithBrief, f.callsWithoutBrief, csvKronor(f.moneyOre), f.projects];
  const header = [
    t("loop.strategy"),
    t("loop.goal"),
    t("loop.year"),
    t("loop.columns.published"),
    t("loop.columns.applied"),
    t("loop.columns.days"),
    t("loop.columns.callsWithBrief"),
    t("loop.columns.callsWithoutBrief"),
    t("loop.csvMoney"),
    t("loop.columns.projects"),
  ];
  const rows: CsvCell[][] = [
    ...goals.map((g) => [g.strategy, `${g.code ? `${g.code} ` : ""}${g.name}`, year ?? t("loop.allYears"), ...figures(g.figures)]),
    ["", t("loop.total"), year ?? t("loop.allYears"), ...figures(total)],
  ];
  const csv = toCsv(header, rows);
  const name = `larloopen-${organisation.slug}${year ? `-${year}` : ""}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
