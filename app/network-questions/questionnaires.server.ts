import { TZDate } from "@date-fns/tz";
import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { isMember } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";
import { questionLines, type QuestionnaireInput } from "./schemas";

// Questions an admin sends to the organisations of a network; each member
// organisation answers once, on behalf of the organisation, and every member
// of the network reads the answers side by side under the organisations' names.
//
// Every function here takes the network the page is under and reads only
// questionnaires of that network; the route has already checked that the
// viewer's organisation is a member of it (networkForMember), and the writes
// check it again.
//
// Only the answers of organisations that are members now are shown or
// counted. An organisation that leaves keeps its answer rows (they come back
// if it joins again) but they stop being shown, as leaving takes back
// everything else the organisation shared with the network (leaveNetwork):
// it decides what the others read of it, and after leaving it could neither
// see nor change what they would still be reading. The questionnaire itself
// stays with the network even if its sender leaves, since the other
// organisations' answers hang on it.

/** The network's current member organisations, by name. */
function currentMembers(networkId: string) {
  return db.organisation.findMany({
    where: { networks: { some: { networkId, status: "member" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

const isClosed = (closesAt: Date | null, now = new Date()) => closesAt !== null && closesAt.getTime() < now.getTime();

/** The questionnaires of a network, newest first, with how many member organisations have answered and whether ours has. */
export async function listQuestionnaires(organisationId: string, networkId: string) {
  const [questionnaires, members] = await Promise.all([
    db.networkQuestionnaire.findMany({
      where: { networkId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, title: true, createdAt: true, closesAt: true, organisation: { select: { name: true } } },
    }),
    currentMembers(networkId),
  ]);
  const memberIds = new Set(members.map((m) => m.id));
  const answered = await db.networkAnswer.groupBy({
    by: ["questionnaireId", "organisationId"],
    where: { questionnaire: { networkId } },
  });
  return {
    memberCount: members.length,
    questionnaires: questionnaires.map((q) => {
      const organisations = answered.filter((a) => a.questionnaireId === q.id && memberIds.has(a.organisationId)).map((a) => a.organisationId);
      return {
        id: q.id,
        title: q.title,
        sender: q.organisation.name,
        createdAt: q.createdAt,
        closesAt: q.closesAt,
        closed: isClosed(q.closesAt),
        answeredCount: organisations.length,
        answeredByUs: organisations.includes(organisationId),
      };
    }),
  };
}

/** The end of the last day to answer, in Stockholm: "closes 2026-12-15" means answers are taken all that day. */
function endOfDay(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, "Europe/Stockholm").getTime());
}

/** Send a questionnaire to a network the admin's organisation is a member of; null when it is not. */
export async function createQuestionnaire(viewer: Viewer, networkId: string, input: QuestionnaireInput): Promise<{ id: string } | null> {
  if (!hasRole(viewer.role, "admin")) throw new Response("Forbidden", { status: 403 });
  if (!(await isMember(viewer.organisationId, networkId))) return null;
  return db.networkQuestionnaire.create({
    data: {
      networkId,
      organisationId: viewer.organisationId,
      authorId: viewer.userId,
      title: input.title,
      intro: input.intro,
      questions: input.questions.join("\n"),
      closesAt: input.closesOn ? endOfDay(input.closesOn) : null,
    },
    select: { id: true },
  });
}

type AnswerColumn = {
  organisation: { id: string; name: string };
  /** One answer per question, "" where the organisation left it blank. */
  answers: string[];
  answeredBy: string | null;
  updatedAt: Date;
};

/**
 * One questionnaire of the network with the answers of its member
 * organisations, one column per organisation that answered, by name.
 */
export async function findQuestionnaire(networkId: string, questionnaireId: string) {
  const questionnaire = await db.networkQuestionnaire.findFirst({
    where: { id: questionnaireId, networkId },
    select: {
      id: true,
      title: true,
      intro: true,
      questions: true,
      closesAt: true,
      createdAt: true,
      organisation: { select: { name: true } },
      author: { select: { name: true } },
      answers: {
        orderBy: { position: "asc" },
        select: { organisationId: true, position: true, answer: true, updatedAt: true, answeredBy: { select: { name: true } } },
      },
    },
  });
  if (!questionnaire) return null;
  const questions = questionLines(questionnaire.questions);
  const members = await currentMembers(networkId);
  const columns: AnswerColumn[] = [];
  for (const organisation of members) {
    const rows = questionnaire.answers.filter((a) => a.organisationId === organisation.id && a.position < questions.length);
    if (!rows.length) continue;
    // The answers are saved together; the latest row says who saved them last, and when.
    const latest = rows.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
    const answers = questions.map((_, position) => rows.find((r) => r.position === position)?.answer ?? "");
    columns.push({ organisation, answers, answeredBy: latest.answeredBy?.name ?? null, updatedAt: latest.updatedAt });
  }
  const answeredIds = new Set(columns.map((c) => c.organisation.id));
  return {
    id: questionnaire.id,
    title: questionnaire.title,
    intro: questionnaire.intro,
    questions,
    closesAt: questionnaire.closesAt,
    closed: isClosed(questionnaire.closesAt),
    createdAt: questionnaire.createdAt,
    sender: questionnaire.organisation.name,
    author: questionnaire.author?.name ?? null,
    columns,
    notAnswered: members.filter((m) => !answeredIds.has(m.id)),
  };
}

/**
 * Save the viewer's organisation's answers, replacing what it answered before;
 * a blank answer removes that question's answer. Admins and facilitators answer
 * on behalf of the organisation; members read.
 */
export async function saveAnswers(viewer: Viewer, networkId: string, questionnaireId: string, answers: string[]): Promise<"saved" | "closed" | "not-found"> {
  if (!hasRole(viewer.role, "facilitator")) throw new Response("Forbidden", { status: 403 });
  if (!(await isMember(viewer.organisationId, networkId))) return "not-found";
  const questionnaire = await db.networkQuestionnaire.findFirst({ where: { id: questionnaireId, networkId }, select: { questions: true, closesAt: true } });
  if (!questionnaire) return "not-found";
  if (isClosed(questionnaire.closesAt)) return "closed";
  const organisationId = viewer.organisationId;
  const count = questionLines(questionnaire.questions).length;
  await db.$transaction(async (tx) => {
    for (let position = 0; position < count; position++) {
      const answer = answers[position] ?? "";
      const id = { questionnaireId_organisationId_position: { questionnaireId, organisationId, position } };
      if (answer) {
        await tx.networkAnswer.upsert({
          where: id,
          create: { questionnaireId, organisationId, position, answer, answeredById: viewer.userId },
          update: { answer, answeredById: viewer.userId },
        });
      } else {
        await tx.networkAnswer.deleteMany({ where: { questionnaireId, organisationId, position } });
      }
    }
  });
  return "saved";
}
