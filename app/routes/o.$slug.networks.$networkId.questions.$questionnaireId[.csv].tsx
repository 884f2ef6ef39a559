import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv, type CsvCell } from "~/csv/csv";
import { formatDateTime, translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";
import { requireViewer } from "~/lessons/viewer.server";
import { findQuestionnaire } from "~/network-questions/questionnaires.server";
import { networkForMember } from "~/networks/networks.server";

/** The answers side by side as CSV, the same table as on the page: one row per question, one column per organisation. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireViewer(request, context, params.slug);
  const network = await networkForMember(organisation.id, params.networkId ?? "");
  if (!network) throw new Response("Not Found", { status: 404 });
  const questionnaire = await findQuestionnaire(network.id, params.questionnaireId ?? "");
  if (!questionnaire) throw new Response("Not Found", { status: 404 });
  const t = translator(await requestLocale(request, context));

  const { questions, columns } = questionnaire;
  const header = [t("networkQuestions.question"), ...columns.map((c) => c.organisation.name)];
  const rows: CsvCell[][] = [
    ...questions.map((question, i) => [t("networkQuestions.questionLabel", { number: i + 1, question }), ...columns.map((c) => c.answers[i])]),
    [t("networkQuestions.answeredBy"), ...columns.map((c) => c.answeredBy ?? "")],
    [t("networkQuestions.updated"), ...columns.map((c) => formatDateTime(c.updatedAt))],
  ];
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="natverksfragor-${questionnaire.id}.csv"`,
    },
  });
}
