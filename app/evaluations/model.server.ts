import { db } from "~/db.server";
import { LEVELS, type Level } from "./options";
import type { ModelEntryInput } from "./schemas";

// The evaluation model: per support type, project type and goal, what can be
// evaluated at each level of the result chain, and how. Rows are ordered
// within their level.

type Change = { ok: true } | { ok: false; error: "notFound" | "invalidGoal" };

const ENTRY_SELECT = {
  id: true,
  level: true,
  supportType: true,
  projectType: true,
  what: true,
  method: true,
  goal: { select: { id: true, code: true, name: true } },
} as const;

/** The model's rows, grouped by level in the order of the result chain. */
export async function listModel(organisationId: string) {
  const entries = await db.evaluationModelEntry.findMany({
    where: { organisationId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: ENTRY_SELECT,
  });
  return LEVELS.map((level) => ({ level, entries: entries.filter((e) => e.level === level) }));
}

async function goalIsOwn(organisationId: string, goalId: string | undefined) {
  return !goalId || (await db.goal.count({ where: { id: goalId, organisationId } })) === 1;
}

function levelEntries(organisationId: string, level: string) {
  return db.evaluationModelEntry.findMany({
    where: { organisationId, level },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
}

export async function createModelEntry(organisationId: string, input: ModelEntryInput): Promise<Change> {
  if (!(await goalIsOwn(organisationId, input.goalId))) return { ok: false, error: "invalidGoal" };
  const position = await db.evaluationModelEntry.count({ where: { organisationId, level: input.level } });
  await db.evaluationModelEntry.create({ data: { organisationId, ...input, goalId: input.goalId || null, position } });
  return { ok: true };
}

export async function updateModelEntry(organisationId: string, entryId: string, input: ModelEntryInput): Promise<Change> {
  const entry = await db.evaluationModelEntry.findFirst({ where: { id: entryId, organisationId }, select: { level: true, position: true } });
  if (!entry) return { ok: false, error: "notFound" };
  if (!(await goalIsOwn(organisationId, input.goalId))) return { ok: false, error: "invalidGoal" };
  // A row moved to another level goes last there.
  const position = entry.level === input.level ? entry.position : await db.evaluationModelEntry.count({ where: { organisationId, level: input.level } });
  await db.evaluationModelEntry.update({ where: { id: entryId }, data: { ...input, goalId: input.goalId || null, position } });
  return { ok: true };
}

export async function deleteModelEntry(organisationId: string, entryId: string): Promise<boolean> {
  const { count } = await db.evaluationModelEntry.deleteMany({ where: { id: entryId, organisationId } });
  return count === 1;
}

/** Swap a row with its neighbour in the same level; at either end of its level it stays put. */
export async function moveModelEntry(organisationId: string, entryId: string, direction: "up" | "down"): Promise<Change> {
  const entry = await db.evaluationModelEntry.findFirst({ where: { id: entryId, organisationId }, select: { level: true } });
  if (!entry) return { ok: false, error: "notFound" };
  const order = (await levelEntries(organisationId, entry.level)).map((e) => e.id);
  const index = order.indexOf(entryId);
  const swap = direction === "up" ? index - 1 : index + 1;
  if (swap >= 0 && swap < order.length) {
    [order[index], order[swap]] = [order[swap], order[index]];
    // Renumbering the whole level also repairs gaps left by deleted rows.
    await db.$transaction(order.map((id, position) => db.evaluationModelEntry.update({ where: { id }, data: { position } })));
  }
  return { ok: true };
}
