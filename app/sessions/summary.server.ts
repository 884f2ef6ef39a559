import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { findVisibleSession, isFacilitator } from "./sessions.server";

/** What a session produced, for its summary page, its Markdown export and the synthesis thread. */
export async function sessionSummary(viewer: Viewer, sessionId: string) {
  const session = await findVisibleSession(viewer, sessionId);
  // While the session runs, the summary would show everyone's notes early (thinking alone is alone).
  if (!session || (session.status !== "ended" && !isFacilitator(session, viewer.userId))) return null;
  const [notes, groups, votes, lessons, recommendations, actions] = await Promise.all([
    db.sessionNote.findMany({ where: { sessionId, hiddenAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, phaseId: true, text: true, groupId: true, author: { select: { name: true } } } }),
    db.noteGroup.findMany({ where: { sessionId }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
    db.noteVote.groupBy({ by: ["targetId"], where: { sessionId }, _count: { _all: true } }),
    db.lesson.findMany({ where: { sessionId }, select: { id: true, title: true, status: true } }),
    db.sessionRecommendation.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, addressedTo: true } }),
    db.actionItem.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, dueDate: true, doneAt: true, owner: { select: { name: true } } } }),
  ]);
  const votesOf = new Map(votes.map((v) => [v.targetId, v._count._all]));
  const attended = session.participants.filter((p) => p.presentAt);
  return {
    session: {
      id: session.id,
      title: session.title,
      theme: session.theme,
      startsAt: session.startsAt.toISOString(),
      status: session.status,
      organisationId: session.organisationId,
      synthesisThreadId: session.synthesisThreadId,
      goals: session.goals.map((g) => `${g.goal.code} ${g.goal.name}`.trim()),
    },
    participants: (attended.length ? attended : session.participants).map((p) => ({ name: p.user.name, role: p.role })),
    phases: session.phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      notes: notes
        .filter((n) => n.phaseId === phase.id)
        .map((n) => ({ text: n.text, author: session.anonymousNotes ? null : (n.author?.name ?? null), votes: n.groupId ? 0 : (votesOf.get(n.id) ?? 0) })),
    })),
    groups: groups
      .map((g) => ({ title: g.title, votes: votesOf.get(g.id) ?? 0, notes: notes.filter((n) => n.groupId === g.id).map((n) => n.text) }))
      .sort((a, b) => b.votes - a.votes),
    lessons,
    recommendations,
    actions: actions.map((a) => ({ title: a.title, owner: a.owner?.name ?? null, dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null, done: Boolean(a.doneAt) })),
  };
}

export type SessionSummary = NonNullable<Awaited<ReturnType<typeof sessionSummary>>>;

type Words = (key: string, values?: Record<string, unknown>) => string;

/** The summary as Markdown, for the decision memo or the intranet. */
export function summaryMarkdown(summary: SessionSummary, t: Words, lessonUrl: (id: string) => string): string {
  const lines: string[] = [`# ${summary.session.title}`, "", `${t("sessions.when")}: ${summary.session.startsAt.slice(0, 10)}`];
  if (summary.session.theme) lines.push("", summary.session.theme);
  if (summary.session.goals.length) lines.push("", `${t("sessions.goals")}: ${summary.session.goals.join(", ")}`);
  lines.push("", `## ${t("sessions.participants")}`, "", ...summary.participants.map((p) => `- ${p.name}${p.role === "facilitator" ? ` (${t("sessions.facilitator")})` : ""}`));
  if (summary.groups.length) {
    lines.push("", `## ${t("sessions.groups")}`);
    for (const group of summary.groups) lines.push("", `### ${group.title} (${t("sessions.votes", { count: group.votes })})`, "", ...group.notes.map((n) => `- ${n}`));
  }
  lines.push("", `## ${t("sessions.notesByPhase")}`);
  for (const phase of summary.phases) {
    lines.push("", `### ${phase.title}`, "");
    lines.push(...(phase.notes.length ? phase.notes.map((n) => `- ${n.text}${n.author ? ` – ${n.author}` : ""}`) : [`- ${t("sessions.noNotes")}`]));
  }
  lines.push("", `## ${t("sessions.outcomes")}`);
  if (summary.lessons.length) lines.push("", `### ${t("sessions.draftLessons")}`, "", ...summary.lessons.map((l) => `- [${l.title}](${lessonUrl(l.id)})`));
  if (summary.recommendations.length) lines.push("", `### ${t("sessions.recommendations")}`, "", ...summary.recommendations.map((r) => `- ${r.text}${r.addressedTo ? ` → ${r.addressedTo}` : ""}`));
  if (summary.actions.length) {
    lines.push("", `### ${t("sessions.actions")}`, "", ...summary.actions.map((a) => `- [${a.done ? "x" : " "}] ${a.title} – ${a.owner ?? "–"}${a.dueDate ? `, ${a.dueDate}` : ""}`));
  }
  return `${lines.join("\n")}\n`;
}

/** The synthesis posted back to daily learning: what the group found most important and what it decided. */
export function synthesisText(summary: SessionSummary, t: Words): string {
  const blocks = [t("sessions.synthesisIntro", { title: summary.session.title, date: summary.session.startsAt.slice(0, 10) })];
  const top = summary.groups.filter((g) => g.votes > 0).slice(0, 5);
  if (top.length) blocks.push(`${t("sessions.synthesisTop")}\n${top.map((g) => `• ${g.title} (${t("sessions.votes", { count: g.votes })})`).join("\n")}`);
  if (summary.lessons.length) blocks.push(`${t("sessions.draftLessons")}:\n${summary.lessons.map((l) => `• ${l.title}`).join("\n")}`);
  if (summary.recommendations.length) blocks.push(`${t("sessions.recommendations")}:\n${summary.recommendations.map((r) => `• ${r.text}${r.addressedTo ? ` → ${r.addressedTo}` : ""}`).join("\n")}`);
  if (summary.actions.length) blocks.push(`${t("sessions.actions")}:\n${summary.actions.map((a) => `• ${a.title} – ${a.owner ?? "–"}${a.dueDate ? `, ${a.dueDate}` : ""}`).join("\n")}`);
  return blocks.join("\n\n");
}
