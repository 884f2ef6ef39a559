import { formatKronor } from "~/projects/money";
import type { BriefItem } from "./brief.server";

type Words = (key: string, values?: Record<string, unknown>) => string;
type CallSummary = { title: string; status: string; budgetOre: string; goals: { goal: { code: string; name: string } }[] };

const UNASSESSED_IN_EXPORT = 10;

/** The learning brief as Markdown for the decision memo: judged lessons first, by verdict, then the strongest not yet judged. */
export function briefMarkdown(t: Words, call: CallSummary, brief: BriefItem[], lessonUrl: (id: string) => string): string {
  const lines = [
    `# ${t("calls.briefTitle")}: ${call.title}`,
    "",
    `${t("calls.status")}: ${t(`calls.statuses.${call.status}`)} · ${t("calls.budget")}: ${formatKronor(call.budgetOre)}`,
  ];
  if (call.goals.length) lines.push("", `${t("calls.goals")}: ${call.goals.map(({ goal }) => `${goal.code ? `${goal.code} ` : ""}${goal.name}`).join(", ")}`);
  const entry = (item: BriefItem) => {
    const source = item.own ? "" : ` (${item.organisationName})`;
    const note = item.assessment?.note ? ` – ${item.assessment.note}` : "";
    return `- [${item.title}](${lessonUrl(item.lessonId)})${source}${note}`;
  };
  for (const verdict of ["applied", "not-applied", "considered"] as const) {
    const items = brief.filter((b) => b.assessment?.verdict === verdict);
    if (items.length) lines.push("", `## ${t(`calls.verdictHeadings.${verdict}`)}`, "", ...items.map(entry));
  }
  const open = brief.filter((b) => !b.assessment).slice(0, UNASSESSED_IN_EXPORT);
  if (open.length) lines.push("", `## ${t("calls.verdictHeadings.open")}`, "", ...open.map(entry));
  return `${lines.join("\n")}\n`;
}
