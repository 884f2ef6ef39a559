import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";

export type JourneyCall = {
  callId: string | null;
  callTitle: string;
  organisationName: string;
  own: boolean;
  verdict: string;
  note: string;
  assessedAt: string;
  appliedAt: string | null;
  projects: { id: string | null; caseNumber: string; name: string; reportedResults: number }[];
  projectCount: number;
  projectsWithResults: number;
};

/**
 * Where a lesson went after it was published: the calls that weighed it, what
 * changed where it was applied, and what the projects funded under those calls
 * report. A viewer sees every judgement in their own organisation's calls; the
 * lesson's own organisation also sees where partners applied it (title, what
 * changed, how many projects report results), never partners' other judgements.
 */
export async function lessonJourney(viewer: Viewer, lesson: { id: string; organisationId: string }): Promise<JourneyCall[]> {
  const rows = await db.callLesson.findMany({
    where: {
      lessonId: lesson.id,
      OR: [
        { call: { organisationId: viewer.organisationId } },
        ...(lesson.organisationId === viewer.organisationId ? [{ verdict: "applied" }] : []),
      ],
    },
    orderBy: { createdAt: "asc" },
    include: {
      call: {
        select: {
          id: true,
          title: true,
          organisationId: true,
          organisation: { select: { name: true } },
          projects: {
            orderBy: { caseNumber: "asc" },
            select: { id: true, caseNumber: true, name: true, _count: { select: { realisedResults: true } } },
          },
        },
      },
    },
  });
  return rows.map((row) => {
    const own = row.call.organisationId === viewer.organisationId;
    const projects = row.call.projects.map((p) => ({ id: p.id, caseNumber: p.caseNumber, name: p.name, reportedResults: p._count.realisedResults }));
    return {
      callId: own ? row.call.id : null,
      callTitle: row.call.title,
      organisationName: row.call.organisation.name,
      own,
      verdict: row.verdict,
      note: row.note,
      assessedAt: row.createdAt.toISOString(),
      appliedAt: row.appliedAt?.toISOString() ?? null,
      // A partner's projects are counted, not listed: their names are the partner's business.
      projects: own ? projects : [],
      projectCount: projects.length,
      projectsWithResults: projects.filter((p) => p.reportedResults > 0).length,
    };
  });
}
