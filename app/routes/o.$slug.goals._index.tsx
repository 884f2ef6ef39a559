import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditBy } from "~/audit/audit.server";
import { requireOrganisation } from "~/auth/guards.server";
import { StatusMessage, TextAreaField, TextField } from "~/components/forms";
import { GoalFields } from "~/goals/goal-fields";
import { GoalTree } from "~/goals/goal-tree";
import { createGoal, createStrategy, deleteStrategy, listStrategies, updateStrategy } from "~/goals/goals.server";
import { DeleteStrategySchema, EditStrategySchema, NewGoalSchema, StrategySchema } from "~/goals/schemas";
import { pageTitle } from "~/i18n/page-title";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "goals.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, membership } = await requireOrganisation(request, context, params.slug);
  return {
    slug: organisation.slug,
    strategies: await listStrategies(organisation.id),
    canEdit: hasRole(membership.role, "admin"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const formData = await request.formData();
  if (formData.get("intent") === "update-strategy") {
    const form = `strategy-${formData.get("strategyId")}`;
    const submission = parseWithZod(formData, { schema: EditStrategySchema });
    if (submission.status !== "success") return json({ form, result: submission.reply(), message: null }, { status: 400 });
    const { intent: _intent, strategyId, ...input } = submission.value;
    if (!(await updateStrategy(organisation.id, strategyId, input))) throw new Response("Not Found", { status: 404 });
    return json({ form, result: submission.reply(), message: { key: "goals.strategySaved", name: input.name } });
  }
  if (formData.get("intent") === "delete-strategy") {
    const parsed = DeleteStrategySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    const name = await deleteStrategy(organisation.id, parsed.data.strategyId, auditBy(context));
    if (!name) throw new Response("Not Found", { status: 404 });
    return json({ form: "delete", result: null, message: { key: "goals.strategyDeleted", name } });
  }
  if (formData.get("intent") === "create-strategy") {
    const submission = parseWithZod(formData, { schema: StrategySchema });
    if (submission.status !== "success") return json({ form: "strategy", result: submission.reply(), message: null }, { status: 400 });
    const { intent: _intent, ...input } = submission.value;
    const strategy = await createStrategy(organisation.id, input);
    return json({ form: "strategy", result: submission.reply({ resetForm: true }), message: { key: "goals.strategyCreated", name: strategy.name } });
  }
  const submission = parseWithZod(formData, { schema: NewGoalSchema });
  const form = `goal-${formData.get("strategyId")}`;
  if (submission.status !== "success") return json({ form, result: submission.reply(), message: null }, { status: 400 });
  const { intent: _intent, strategyId, parentId, ...input } = submission.value;
  const goal = await createGoal(organisation.id, strategyId, parentId ?? null, input);
  if (!goal) throw new Response("Not Found", { status: 404 });
  return json({ form, result: submission.reply({ resetForm: true }), message: { key: "goals.goalCreated", name: goal.name } });
}

function NewGoalForm({ strategyId, strategyName }: { strategyId: string; strategyName: string }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `goal-${strategyId}`,
    lastResult: data?.form === `goal-${strategyId}` ? data.result : null,
    constraint: getZodConstraint(NewGoalSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewGoalSchema }),
  });
  return (
    <details className="disclosure">
      <summary>{t("goals.newGoal", { strategy: strategyName })}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="create-goal" />
        <input type="hidden" name="strategyId" value={strategyId} />
        <GoalFields fields={fields} />
        <div>
          <button type="submit" className="button">
            {t("goals.createGoal")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function EditStrategyForm({ strategy }: { strategy: { id: string; name: string; description: string; startYear: number | null; endYear: number | null } }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const id = `strategy-${strategy.id}`;
  const [form, fields] = useForm({
    id,
    lastResult: data?.form === id ? data.result : null,
    defaultValue: {
      name: strategy.name,
      description: strategy.description,
      startYear: strategy.startYear?.toString(),
      endYear: strategy.endYear?.toString(),
    },
    constraint: getZodConstraint(EditStrategySchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditStrategySchema }),
  });
  return (
    <details className="disclosure">
      <summary>{t("goals.editStrategy", { name: strategy.name })}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="update-strategy" />
        <input type="hidden" name="strategyId" value={strategy.id} />
        <TextField meta={fields.name} label={t("goals.strategyName")} />
        <TextAreaField meta={fields.description} label={t("goals.strategyDescription")} />
        <div className="field-row">
          <TextField meta={fields.startYear} label={t("goals.startYear")} />
          <TextField meta={fields.endYear} label={t("goals.endYear")} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("goals.saveStrategy")}
          </button>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="delete-strategy" />
        <input type="hidden" name="strategyId" value={strategy.id} />
        <button type="submit" className="button button--danger">
          {t("goals.deleteStrategy", { name: strategy.name })}
        </button>
      </Form>
    </details>
  );
}

function NewStrategyForm() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "strategy",
    lastResult: data?.form === "strategy" ? data.result : null,
    constraint: getZodConstraint(StrategySchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StrategySchema }),
  });
  return (
    <section aria-labelledby="new-strategy" className="narrow">
      <h2 id="new-strategy">{t("goals.newStrategy")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="create-strategy" />
        <TextField meta={fields.name} label={t("goals.strategyName")} />
        <TextAreaField meta={fields.description} label={t("goals.strategyDescription")} />
        <div className="field-row">
          <TextField meta={fields.startYear} label={t("goals.startYear")} />
          <TextField meta={fields.endYear} label={t("goals.endYear")} />
        </div>
        <div>
          <button type="submit" className="button">
            {t("goals.createStrategy")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function Goals() {
  const { t } = useTranslation();
  const { slug, strategies, canEdit } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{t("goals.title")}</h1>
      <p className="lead">{t("goals.intro")}</p>
      {data?.message ? <StatusMessage>{t(data.message.key, { name: data.message.name })}</StatusMessage> : null}
      {strategies.length === 0 ? <p>{t("goals.noStrategies")}</p> : null}
      {strategies.map((strategy) => (
        <section key={strategy.id} aria-labelledby={`strategy-${strategy.id}`} className="strategy">
          <h2 id={`strategy-${strategy.id}`}>
            {strategy.name}
            {strategy.startYear ? (
              <span className="muted">
                {" "}
                {strategy.startYear}–{strategy.endYear ?? ""}
              </span>
            ) : null}
          </h2>
          {strategy.description ? <p>{strategy.description}</p> : null}
          <GoalTree goals={strategy.goals} slug={slug} />
          {canEdit ? <NewGoalForm strategyId={strategy.id} strategyName={strategy.name} /> : null}
          {canEdit ? <EditStrategyForm strategy={strategy} /> : null}
        </section>
      ))}
      {canEdit ? <NewStrategyForm /> : null}
    </div>
  );
}
