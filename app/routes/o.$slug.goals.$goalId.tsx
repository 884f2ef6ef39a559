import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditBy } from "~/audit/audit.server";
import { requireOrganisation } from "~/auth/guards.server";
import { SelectField, StatusMessage, TextField } from "~/components/forms";
import { GoalFields } from "~/goals/goal-fields";
import { OneToOneBadge } from "~/goals/goal-tree";
import {
  createGoal,
  createIndicator,
  deleteGoal,
  findGoal,
  goalAncestors,
  recordIndicatorValue,
  updateGoal,
  updateIndicator,
} from "~/goals/goals.server";
import { importIndicatorValues } from "~/goals/indicator-import.server";
import { IndicatorEditForm } from "~/goals/indicator-edit-form";
import { IndicatorTables } from "~/goals/indicator-table";
import { EditGoalSchema, EditIndicatorSchema, IndicatorSchema, IndicatorValueSchema, NewGoalSchema } from "~/goals/schemas";
import { formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { indicatorGap } from "~/followup/indicator-gap";
import { listLessons } from "~/lessons/lessons.server";
import type { Problem } from "~/projects/import/validate-rows";
import { UnpackedTooLarge } from "~/projects/import/read-table.server";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.goal.name} · Lärloop` }] : pageTitle(matches, "goals.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, organisation, membership } = await requireOrganisation(request, context, params.slug);
  const goal = await findGoal(organisation.id, params.goalId ?? "");
  if (!goal) throw new Response("Not Found", { status: 404 });
  const behind = goal.indicators.flatMap((indicator) => {
    const gap = indicatorGap(indicator);
    return gap?.behind ? [{ id: indicator.id, name: indicator.name, unit: indicator.unit, ...gap }] : [];
  });
  // Where the numbers fall behind, what was learned about the goal stands beside them.
  const viewer = { userId: user.id, organisationId: organisation.id, role: membership.role };
  const lessons = behind.length ? await listLessons(viewer, { goalId: goal.id, scope: "own" }, 8) : [];
  return {
    slug: organisation.slug,
    goal,
    behind,
    gapLessons: lessons.filter((l) => l.status === "published"),
    ancestors: await goalAncestors(organisation.id, goal.parentId),
    canEdit: hasRole(membership.role, "admin"),
  };
}

type Message = { key: string; values: Record<string, string | number> };

const MAX_VALUES_FILE_BYTES = 1024 * 1024;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const goalId = params.goalId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const reply = (form: string, result: SubmissionResult<string[]>, message: Message | null, status = 200) =>
    json({ form, result, message, problems: null as Problem[] | null }, { status });

  switch (intent) {
    case "update-goal": {
      const submission = parseWithZod(formData, { schema: EditGoalSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), null, 400);
      const { intent: _i, ...input } = submission.value;
      if (!(await updateGoal(organisation.id, goalId, input))) throw new Response("Not Found", { status: 404 });
      return reply(intent, submission.reply(), { key: "goals.goalSaved", values: {} });
    }
    case "create-goal": {
      const submission = parseWithZod(formData, { schema: NewGoalSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), null, 400);
      const { intent: _i, strategyId, ...input } = submission.value;
      const goal = await createGoal(organisation.id, strategyId, goalId, input);
      if (!goal) throw new Response("Not Found", { status: 404 });
      return reply(intent, submission.reply({ resetForm: true }), { key: "goals.goalCreated", values: { name: goal.name } });
    }
    case "create-indicator": {
      const submission = parseWithZod(formData, { schema: IndicatorSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), null, 400);
      const { intent: _i, ...input } = submission.value;
      const indicator = await createIndicator(organisation.id, goalId, input);
      if (!indicator) throw new Response("Not Found", { status: 404 });
      return reply(intent, submission.reply({ resetForm: true }), { key: "goals.indicatorCreated", values: { name: indicator.name } });
    }
    case "update-indicator": {
      const submission = parseWithZod(formData, { schema: EditIndicatorSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), null, 400);
      const { intent: _i, indicatorId, ...input } = submission.value;
      if (!(await updateIndicator(organisation.id, indicatorId, input))) throw new Response("Not Found", { status: 404 });
      return reply(intent, submission.reply(), { key: "goals.indicatorSaved", values: { name: input.name } });
    }
    case "record-value": {
      const submission = parseWithZod(formData, { schema: IndicatorValueSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), null, 400);
      const { indicatorId, year, value, note } = submission.value;
      if (!(await recordIndicatorValue(organisation.id, indicatorId, year, value, note))) throw new Response("Not Found", { status: 404 });
      return reply(intent, submission.reply({ resetForm: true }), { key: "goals.valueRecorded", values: { year } });
    }
    case "import-values": {
      const file = formData.get("file");
      const indicatorId = String(formData.get("indicatorId") ?? "");
      if (!(file instanceof File) || file.size === 0) return reply(intent, { status: "error", error: { file: ["goals.fileMissing"] } }, null, 400);
      if (file.size > MAX_VALUES_FILE_BYTES) return reply(intent, { status: "error", error: { file: ["goals.fileTooLarge"] } }, null, 413);
      let result;
      try {
        result = await importIndicatorValues(organisation.id, indicatorId, new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        return reply(intent, { status: "error", error: { file: [error instanceof UnpackedTooLarge ? "goals.fileUnpacksTooLarge" : "goals.fileUnreadable"] } }, null, 400);
      }
      if (!result) throw new Response("Not Found", { status: 404 });
      if (!result.ok) return json({ form: intent, result: null, message: null, problems: result.problems }, { status: 400 });
      return reply(intent, { status: "success" }, { key: "goals.valuesImported", values: { count: result.count } });
    }
    case "delete-goal": {
      const deleted = await deleteGoal(organisation.id, goalId, auditBy(context));
      if (!deleted) throw new Response("Not Found", { status: 404 });
      return redirect(deleted.parentId ? `/o/${organisation.slug}/goals/${deleted.parentId}` : `/o/${organisation.slug}/goals`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function GoalPage() {
  const { t } = useTranslation();
  const { slug, goal, ancestors, canEdit, behind, gapLessons } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  // Several small forms on one page: each sees only its own last result.
  const options = (id: string) => ({
    id,
    lastResult: data?.form === id ? data.result : undefined,
    shouldValidate: "onBlur" as const,
  });
  const [editForm, editFields] = useForm({
    ...options("update-goal"),
    defaultValue: {
      code: goal.code,
      name: goal.name,
      description: goal.description,
      oneToOneRelevant: goal.oneToOneRelevant ? "on" : undefined,
    },
    constraint: getZodConstraint(EditGoalSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditGoalSchema }),
  });
  const [childForm, childFields] = useForm({
    ...options("create-goal"),
    constraint: getZodConstraint(NewGoalSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewGoalSchema }),
  });
  const [indicatorForm, indicatorFields] = useForm({
    ...options("create-indicator"),
    constraint: getZodConstraint(IndicatorSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IndicatorSchema }),
  });
  const [valueForm, valueFields] = useForm({
    ...options("record-value"),
    constraint: getZodConstraint(IndicatorValueSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IndicatorValueSchema }),
  });

  return (
    <div className="page">
      <nav aria-label={t("goals.strategy")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/o/${slug}/goals`}>{goal.strategy.name}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.id}>
              <Link to={`/o/${slug}/goals/${a.id}`}>{a.name}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <h1>
        {goal.code ? <span className="goal-code">{goal.code}</span> : null} {goal.name}
      </h1>
      {goal.oneToOneRelevant ? <OneToOneBadge /> : null}
      {data?.message ? <StatusMessage>{t(data.message.key, data.message.values)}</StatusMessage> : null}
      {goal.description ? <p className="lead">{goal.description}</p> : null}

      <section aria-labelledby="sub-goals">
        <h2 id="sub-goals">{t("goals.subGoals")}</h2>
        {goal.children.length ? (
          <ul className="goal-tree">
            {goal.children.map((child) => (
              <li key={child.id}>
                <Link to={`/o/${slug}/goals/${child.id}`}>
                  {child.code ? <span className="goal-code">{child.code}</span> : null} {child.name}
                </Link>{" "}
                {child.oneToOneRelevant ? <OneToOneBadge /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("goals.noSubGoals")}</p>
        )}
      </section>

      <div className={behind.length ? "columns" : undefined}>
        <section aria-labelledby="indicators">
          <h2 id="indicators">{t("goals.indicators")}</h2>
          {behind.length ? (
            <ul className="gap-list">
              {behind.map((gap) => (
                <li key={gap.id}>
                  <span className="badge badge--warning">{t("calls.gap.behind")}</span> {t("calls.gap.summary", {
                    name: gap.name,
                    year: gap.year,
                    value: `${formatNumber(gap.value)} ${gap.unit}`.trim(),
                    expected: `${formatNumber(gap.expected)} ${gap.unit}`.trim(),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {goal.indicators.length ? <IndicatorTables indicators={goal.indicators} /> : <p>{t("goals.noIndicators")}</p>}
        </section>
        {behind.length ? (
          <aside aria-labelledby="gap-lessons" className="card">
            <h2 id="gap-lessons">{t("calls.gap.lessonsTitle")}</h2>
            <p>{t("calls.gap.lessonsIntro")}</p>
            {gapLessons.length ? (
              <ul>
                {gapLessons.map((lesson) => (
                  <li key={lesson.id}>
                    <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
                    {lesson.whatWeLearned ? <p className="muted">{lesson.whatWeLearned}</p> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("calls.gap.noLessons")}</p>
            )}
            <p>
              <Link to={`/o/${slug}/lessons?goal=${goal.id}`}>{t("calls.gap.allLessons")}</Link>
            </p>
          </aside>
        ) : null}
      </div>

      {canEdit ? (
        <div className="edit-panels narrow">
          <details className="disclosure">
            <summary>{t("goals.editGoal")}</summary>
            <Form method="post" {...getFormProps(editForm)} className="stack">
              <input type="hidden" name="intent" value="update-goal" />
              <GoalFields fields={editFields} />
              <div>
                <button type="submit" className="button">
                  {t("goals.saveGoal")}
                </button>
              </div>
            </Form>
          </details>
          <details className="disclosure">
            <summary>{t("goals.newSubGoal")}</summary>
            <Form method="post" {...getFormProps(childForm)} className="stack">
              <input type="hidden" name="intent" value="create-goal" />
              <input type="hidden" name="strategyId" value={goal.strategy.id} />
              <GoalFields fields={childFields} />
              <div>
                <button type="submit" className="button">
                  {t("goals.createGoal")}
                </button>
              </div>
            </Form>
          </details>
          <details className="disclosure">
            <summary>{t("goals.createIndicator")}</summary>
            <Form method="post" {...getFormProps(indicatorForm)} className="stack">
              <input type="hidden" name="intent" value="create-indicator" />
              <TextField meta={indicatorFields.name} label={t("goals.indicatorName")} />
              <TextField meta={indicatorFields.unit} label={t("goals.unit")} />
              <div className="field-row">
                <TextField meta={indicatorFields.baselineValue} label={t("goals.baselineValue")} />
                <TextField meta={indicatorFields.baselineYear} label={t("goals.baselineYear")} />
              </div>
              <div className="field-row">
                <TextField meta={indicatorFields.targetValue} label={t("goals.targetValue")} />
                <TextField meta={indicatorFields.targetYear} label={t("goals.targetYear")} />
              </div>
              <TextField meta={indicatorFields.source} label={t("goals.source")} />
              <div>
                <button type="submit" className="button">
                  {t("goals.createIndicator")}
                </button>
              </div>
            </Form>
          </details>
          {goal.indicators.map((indicator) => (
            <IndicatorEditForm
              key={indicator.id}
              indicator={indicator}
              lastResult={data?.form === "update-indicator" && data.result?.initialValue?.indicatorId === indicator.id ? data.result : undefined}
            />
          ))}
          {goal.indicators.length ? (
            <details className="disclosure">
              <summary>{t("goals.recordValue")}</summary>
              <Form method="post" {...getFormProps(valueForm)} className="stack">
                <input type="hidden" name="intent" value="record-value" />
                <SelectField
                  meta={valueFields.indicatorId}
                  label={t("goals.indicatorName")}
                  options={goal.indicators.map((i) => ({ value: i.id, label: i.name }))}
                />
                <div className="field-row">
                  <TextField meta={valueFields.year} label={t("goals.year")} />
                  <TextField meta={valueFields.value} label={t("goals.value")} />
                </div>
                <TextField meta={valueFields.note} label={t("goals.note")} />
                <div>
                  <button type="submit" className="button">
                    {t("goals.recordValue")}
                  </button>
                </div>
              </Form>
            </details>
          ) : null}
          {goal.indicators.length ? (
            <details className="disclosure" open={data?.form === "import-values" && !data.message}>
              <summary>{t("goals.importValues")}</summary>
              <Form method="post" encType="multipart/form-data" className="stack">
                <input type="hidden" name="intent" value="import-values" />
                <p className="field__hint">{t("goals.importValuesHint")}</p>
                {data?.problems ? (
                  <div className="alert alert--error" role="alert">
                    <ul>
                      {data.problems.map((p) => (
                        <li key={`${p.row}-${p.column}`}>{t("projectImport.problem", { row: p.row, column: p.column, message: p.message })}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <div className="field">
                  <label htmlFor="values-indicator">{t("goals.indicatorName")}</label>
                  <select id="values-indicator" name="indicatorId">
                    {goal.indicators.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="values-file">{t("goals.valuesFile")}</label>
                  {data?.form === "import-values" && data.result?.error?.file ? (
                    <p className="field__error" id="values-file-error">
                      {t(data.result.error.file[0])}
                    </p>
                  ) : null}
                  <input id="values-file" type="file" name="file" accept=".csv,.xlsx,text/csv" required />
                </div>
                <div>
                  <button type="submit" className="button">
                    {t("goals.importValues")}
                  </button>
                </div>
              </Form>
            </details>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="delete-goal" />
            <button type="submit" className="button button--danger">
              {t("goals.deleteGoal")}
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}
