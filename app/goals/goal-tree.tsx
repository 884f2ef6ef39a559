import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { GoalNode } from "./goals.server";

export function OneToOneBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--goal">{t("goals.oneToOne")}</span>;
}

/** A strategy's goals as nested lists: the structure screen readers announce as levels. */
export function GoalTree({ goals, slug }: { goals: GoalNode[]; slug: string }) {
  if (!goals.length) return null;
  return (
    <ul className="goal-tree">
      {goals.map((goal) => (
        <li key={goal.id}>
          <Link to={`/o/${slug}/goals/${goal.id}`}>
            {goal.code ? <span className="goal-code">{goal.code}</span> : null} {goal.name}
          </Link>{" "}
          {goal.oneToOneRelevant ? <OneToOneBadge /> : null}
          <GoalTree goals={goal.children} slug={slug} />
        </li>
      ))}
    </ul>
  );
}
