import { recordAudit, type AuditBy } from "~/audit/audit.server";
import { db } from "~/db.server";

export type GoalNode = {
  id: string;
  code: string;
  name: string;
  oneToOneRelevant: boolean;
  children: GoalNode[];
};

/** Strategies with their goal trees, built from two flat queries. */
export async function listStrategies(organisationId: string) {
  const [strategies, goals] = await Promise.all([
    db.strategy.findMany({
      where: { organisationId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, description: true, startYear: true, endYear: true },
    }),
    db.goal.findMany({
      where: { organisationId },
      orderBy: [{ position: "asc" }, { code: "asc" }, { createdAt: "asc" }],
      select: { id: true, strategyId: true, parentId: true, code: true, name: true, oneToOneRelevant: true },
    }),
  ]);
  const nodes = new Map<string, GoalNode & { strategyId: string; parentId: string | null }>(
    goals.map((g) => [g.id, { ...g, children: [] }]),
  );
  const roots = new Map<string, GoalNode[]>(strategies.map((s) => [s.id, []]));
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.get(node.strategyId)?.push(node);
  }
  const plain = (node: GoalNode): GoalNode => ({
    id: node.id,
    code: node.code,
    name: node.name,
    oneToOneRelevant: node.oneToOneRelevant,
    children: node.children.map(plain),
  });
  return strategies.map((s) => ({ ...s, goals: (roots.get(s.id) ?? []).map(plain) }));
}

/** Every goal of the organisation as "Strategy › Parent › Goal" options, for pickers. */
export async function goalOptions(organisationId: string) {
  const strategies = await listStrategies(organisationId);
  const options: { id: string; label: string; depth: number }[] = [];
  const walk = (nodes: GoalNode[], depth: number, prefix: string) => {
    for (const node of nodes) {
      const label = `${node.code ? `${node.code} ` : ""}${node.name}`;
      options.push({ id: node.id, label: `${prefix}${label}`, depth });
      walk(node.children, depth + 1, `${prefix}${label} › `);
    }
  };
  for (const strategy of strategies) walk(strategy.goals, 0, `${strategy.name} › `);
  return options;
}

/** The goal and all its descendants: what "lessons on this goal" includes. */
export async function goalWithDescendants(organisationId: string, goalId: string): Promise<string[]> {
  const goals = await db.goal.findMany({ where: { organisationId }, select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const g of goals) if (g.parentId) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
  const out: string[] = [];
  const stack = goals.some((g) => g.id === goalId) ? [goalId] : [];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export function findGoal(organisationId: string, goalId: string) {
  return db.goal.findFirst({
    where: { id: goalId, organisationId },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      oneToOneRelevant: true,
      parentId: true,
      strategy: { select: { id: true, name: true } },
      children: { orderBy: [{ position: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true, oneToOneRelevant: true } },
      indicators: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          unit: true,
          baselineValue: true,
          baselineYear: true,
          targetValue: true,
          targetYear: true,
          source: true,
          values: { orderBy: { year: "asc" }, select: { id: true, year: true, value: true, note: true } },
        },
      },
    },
  });
}

/** The goal's ancestors, root first, for breadcrumbs. */
export async function goalAncestors(organisationId: string, parentId: string | null) {
  const chain: { id: string; name: string }[] = [];
  let next = parentId;
  while (next) {
    const goal = await db.goal.findFirst({ where: { id: next, organisationId }, select: { id: true, name: true, parentId: true } });
    if (!goal) break;
    chain.unshift({ id: goal.id, name: goal.name });
    next = goal.parentId;
  }
  return chain;
}

export type StrategyInput = { name: string; description: string; startYear?: number; endYear?: number };
export type GoalInput = { code: string; name: string; description: string; oneToOneRelevant: boolean };

export async function createStrategy(organisationId: string, input: StrategyInput) {
  const position = await db.strategy.count({ where: { organisationId } });
  return db.strategy.create({ data: { organisationId, position, ...input } });
}

export async function createGoal(organisationId: string, strategyId: string, parentId: string | null, input: GoalInput) {
  const strategy = await db.strategy.findFirst({ where: { id: strategyId, organisationId }, select: { id: true } });
  if (!strategy) return null;
  if (parentId) {
    const parent = await db.goal.findFirst({ where: { id: parentId, organisationId, strategyId }, select: { id: true } });
    if (!parent) return null;
  }
  const position = await db.goal.count({ where: { strategyId, parentId } });
  return db.goal.create({ data: { organisationId, strategyId, parentId, position, ...input } });
}

export async function updateGoal(organisationId: string, goalId: string, input: GoalInput) {
  const { count } = await db.goal.updateMany({ where: { id: goalId, organisationId }, data: input });
  return count === 1;
}

/** Delete a goal and its sub-goals; returns the parent to go back to, or null if not found. */
export async function deleteGoal(organisationId: string, goalId: string, by: AuditBy) {
  const goal = await db.goal.findFirst({ where: { id: goalId, organisationId }, select: { id: true, parentId: true, code: true, name: true } });
  if (!goal) return null;
  await db.goal.delete({ where: { id: goal.id } });
  await recordAudit(by, { organisationId, action: "deleted", target: { type: "goal", id: goal.id }, detail: [goal.code, goal.name].filter(Boolean).join(" ") });
  return { parentId: goal.parentId };
}

export type IndicatorInput = {
  name: string;
  unit: string;
  baselineValue?: number;
  baselineYear?: number;
  targetValue?: number;
  targetYear?: number;
  source: string;
};

export async function createIndicator(organisationId: string, goalId: string, input: IndicatorInput) {
  const goal = await db.goal.findFirst({ where: { id: goalId, organisationId }, select: { id: true } });
  if (!goal) return null;
  return db.indicator.create({ data: { organisationId, goalId, ...input } });
}

/** Record (or correct) an indicator's measured value for a year. */
export async function recordIndicatorValue(organisationId: string, indicatorId: string, year: number, value: number, note: string) {
  const indicator = await db.indicator.findFirst({ where: { id: indicatorId, organisationId }, select: { id: true } });
  if (!indicator) return null;
  return db.indicatorValue.upsert({
    where: { indicatorId_year: { indicatorId, year } },
    create: { indicatorId, year, value, note },
    update: { value, note },
  });
}

export async function updateIndicator(organisationId: string, indicatorId: string, input: IndicatorInput): Promise<boolean> {
  // Cleared numbers are stored as "no value", not left as they were.
  const data = { baselineValue: null, baselineYear: null, targetValue: null, targetYear: null, ...input };
  const { count } = await db.indicator.updateMany({ where: { id: indicatorId, organisationId }, data });
  return count === 1;
}

export async function updateStrategy(organisationId: string, strategyId: string, input: StrategyInput): Promise<boolean> {
  const data = { startYear: null, endYear: null, ...input };
  const { count } = await db.strategy.updateMany({ where: { id: strategyId, organisationId }, data });
  return count === 1;
}

/** Delete a strategy with its whole goal tree. */
export async function deleteStrategy(organisationId: string, strategyId: string, by: AuditBy): Promise<string | null> {
  const strategy = await db.strategy.findFirst({ where: { id: strategyId, organisationId }, select: { id: true, name: true } });
  if (!strategy) return null;
  await db.strategy.delete({ where: { id: strategy.id } });
  await recordAudit(by, { organisationId, action: "deleted", target: { type: "strategy", id: strategy.id }, detail: strategy.name });
  return strategy.name;
}
