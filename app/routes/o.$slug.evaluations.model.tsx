import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { FormErrors, SelectField, StatusMessage, TextAreaField, TextField } from "~/components/forms";
import { goalFilterOptions } from "~/components/filter-select";
import { TableRegion } from "~/components/table-region";
import { createModelEntry, deleteModelEntry, listModel, moveModelEntry, updateModelEntry } from "~/evaluations/model.server";
import { LEVELS, MODEL_SUPPORT_TYPES } from "~/evaluations/options";
import { EditModelEntrySchema, ModelEntryRefSchema, NewModelEntrySchema } from "~/evaluations/schemas";
import { goalOptions } from "~/goals/goals.server";
import { pageTitle } from "~/i18n/page-title";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "evaluations.model.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, membership } = await requireOrganisation(request, context, params.slug);
  const canEdit = hasRole(membership.role, "admin");
  const url = new URL(request.url);
  const editId = canEdit ? url.searchParams.get("edit") : null;
  const [levels, goals] = await Promise.all([listModel(organisation.id), canEdit ? goalOptions(organisation.id) : Promise.resolve([])]);
  return {
    slug: organisation.slug,
    levels,
    canEdit,
    goals,
    editingId: levels.some((l) => l.entries.some((e) => e.id === editId)) ? editId : null,
    saved: url.searchParams.get("notice") === "saved",
  };
}

type Moved = { entryId: string; direction: "up" | "down" };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create-entry" || intent === "update-entry") {
    const form = intent === "create-entry" ? "new-entry" : `edit-${formData.get("entryId")}`;
    const submission = parseWithZod(formData, { schema: intent === "create-entry" ? NewModelEntrySchema : EditModelEntrySchema });
    if (submission.status !== "success") return json({ form, result: submission.reply(), notice: null, moved: null }, { status: 400 });
    const { intent: _intent, ...input } = submission.value;
    const change = "entryId" in input ? await updateModelEntry(organisation.id, input.entryId, withoutId(input)) : await createModelEntry(organisation.id, input);
    if (!change.ok && change.error === "notFound") throw new Response("Not Found", { status: 404 });
    if (!change.ok) {
      return json({ form, result: submission.reply({ fieldErrors: { goalId: ["evaluations.validation.invalidGoal"] } }), notice: null, moved: null }, { status: 400 });
    }
    if ("entryId" in input) return redirect(`/o/${organisation.slug}/evaluations/model?notice=saved#row-${input.entryId}`);
    return json({ form, result: submission.reply({ resetForm: true }), notice: "evaluations.model.notices.created", moved: null });
  }
  const ref = ModelEntryRefSchema.safeParse(Object.fromEntries(formData));
  if (!ref.success) throw new Response("Bad Request", { status: 400 });
  const { entryId } = ref.data;
  if (ref.data.intent === "delete-entry") {
    if (!(await deleteModelEntry(organisation.id, entryId))) throw new Response("Not Found", { status: 404 });
    return json({ form: null, result: null, notice: "evaluations.model.notices.deleted", moved: null });
  }
  const direction = ref.data.intent === "move-up" ? "up" : "down";
  const change = await moveModelEntry(organisation.id, entryId, direction);
  if (!change.ok) throw new Response("Not Found", { status: 404 });
  const moved: Moved = { entryId, direction };
  return json({ form: null, result: null, notice: direction === "up" ? "evaluations.model.notices.movedUp" : "evaluations.model.notices.movedDown", moved });
}

function withoutId<T extends { entryId: string }>(input: T): Omit<T, "entryId"> {
  const { entryId: _entryId, ...rest } = input;
  return rest;
}

type GoalOption = { id: string; label: string; depth: number };
type EntryValues = { level: string; supportType: string; projectType: string; goalId: string; what: string; method: string };

function EntryForm({ id, entryId, values, goals, cancelTo }: { id: string; entryId?: string; values: EntryValues; goals: GoalOption[]; cancelTo?: string }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const schema = entryId ? EditModelEntrySchema : NewModelEntrySchema;
  const [form, fields] = useForm({
    id,
    lastResult: data?.form === id ? data.result : null,
    defaultValue: values,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={entryId ? "update-entry" : "create-entry"} />
      {entryId ? <input type="hidden" name="entryId" value={entryId} /> : null}
      <div className="field-row">
        <SelectField meta={fields.level} label={t("evaluations.model.level")} options={LEVELS.map((l) => ({ value: l, label: t(`evaluations.model.levels.${l}`) }))} />
        <SelectField
          meta={fields.supportType}
          label={t("evaluations.model.supportType")}
          options={[{ value: "", label: t("evaluations.model.allSupportTypes") }, ...MODEL_SUPPORT_TYPES.map((s) => ({ value: s, label: t(`projects.supportTypes.${s}`) }))]}
        />
      </div>
      <TextField meta={fields.projectType} label={t("evaluations.model.projectType")} hint={t("evaluations.model.projectTypeHint")} />
      <SelectField meta={fields.goalId} label={t("evaluations.model.goal")} options={[{ value: "", label: t("evaluations.model.allGoals") }, ...goalFilterOptions(goals)]} />
      <TextAreaField meta={fields.what} label={t("evaluations.model.what")} />
      <TextAreaField meta={fields.method} label={t("evaluations.model.method")} hint={t("evaluations.model.methodHint")} />
      <div className="actions">
        <button type="submit" className="button">
          {entryId ? t("evaluations.model.save") : t("evaluations.model.create")}
        </button>
        {cancelTo ? (
          <Link to={cancelTo} className="button button--secondary">
            {t("evaluations.model.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function EntryButton({ intent, entryId, label, what }: { intent: string; entryId: string; label: string; what: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="entryId" value={entryId} />
      <button type="submit" id={`${intent}-${entryId}`} className="button button--link">
        {label}
        <span className="visually-hidden">{` ${what}`}</span>
      </button>
    </Form>
  );
}

export default function EvaluationModel() {
  const { t } = useTranslation();
  const { slug, levels, canEdit, goals, editingId, saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const notice = data?.notice ?? (saved ? "evaluations.model.notices.saved" : null);
  const columns = canEdit ? 6 : 5;

  // A moved row changes place under the keyboard: its button keeps the focus (or the other one, at an end of the list).
  useEffect(() => {
    if (!data?.moved) return;
    const { entryId, direction } = data.moved;
    const other = direction === "up" ? "down" : "up";
    (document.getElementById(`move-${direction}-${entryId}`) ?? document.getElementById(`move-${other}-${entryId}`))?.focus();
  }, [data]);

  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/evaluations`}>{t("evaluations.model.backToPlan")}</Link>
      </p>
      <h1>{t("evaluations.model.title")}</h1>
      <p className="lead">{t("evaluations.model.intro")}</p>
      {notice ? <StatusMessage>{t(notice)}</StatusMessage> : null}
      {!canEdit ? <p className="muted">{t("evaluations.model.readOnly")}</p> : null}

      {levels.map(({ level, entries }) => (
        <section key={level} aria-labelledby={`level-${level}`}>
          <h2 id={`level-${level}`}>{t(`evaluations.model.levels.${level}`)}</h2>
          <p className="muted">{t(`evaluations.model.levelHints.${level}`)}</p>
          {entries.length === 0 ? (
            <p>{t("evaluations.model.none")}</p>
          ) : (
            <TableRegion label={t(`evaluations.model.levels.${level}`)}>
              <table>
                <caption className="visually-hidden">{`${t("evaluations.model.title")}: ${t(`evaluations.model.levels.${level}`)}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("evaluations.model.columns.supportType")}</th>
                    <th scope="col">{t("evaluations.model.columns.projectType")}</th>
                    <th scope="col">{t("evaluations.model.columns.goal")}</th>
                    <th scope="col">{t("evaluations.model.columns.what")}</th>
                    <th scope="col">{t("evaluations.model.columns.method")}</th>
                    {canEdit ? <th scope="col">{t("evaluations.model.columns.actions")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry, i) => (
                    <ModelRow key={entry.id} entry={entry} first={i === 0} last={i === entries.length - 1} canEdit={canEdit} editing={entry.id === editingId} columns={columns} goals={goals} slug={slug} />
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      ))}

      {canEdit ? (
        <section aria-labelledby="new-entry-heading" className="narrow">
          <h2 id="new-entry-heading">{t("evaluations.model.newEntry")}</h2>
          <EntryForm id="new-entry" values={{ level: "output", supportType: "", projectType: "", goalId: "", what: "", method: "" }} goals={goals} />
        </section>
      ) : null}
    </div>
  );
}

type Entry = SerializeFrom<typeof loader>["levels"][number]["entries"][number];

function ModelRow({ entry, first, last, canEdit, editing, columns, goals, slug }: { entry: Entry; first: boolean; last: boolean; canEdit: boolean; editing: boolean; columns: number; goals: GoalOption[]; slug: string }) {
  const { t } = useTranslation();
  return (
    <>
      <tr id={`row-${entry.id}`}>
        <td>{entry.supportType ? t(`projects.supportTypes.${entry.supportType}`) : t("evaluations.model.allSupportTypes")}</td>
        <td>{entry.projectType || t("evaluations.model.allProjectTypes")}</td>
        <td>{entry.goal ? `${entry.goal.code} ${entry.goal.name}`.trim() : t("evaluations.model.allGoals")}</td>
        <th scope="row">{entry.what}</th>
        <td>{entry.method || "–"}</td>
        {canEdit ? (
          <td>
            <div className="actions">
              <Link to={`?edit=${entry.id}#edit-entry`}>
                {t("evaluations.model.edit")}
                <span className="visually-hidden">{` ${entry.what}`}</span>
              </Link>
              {!first ? <EntryButton intent="move-up" entryId={entry.id} label={t("evaluations.model.moveUp")} what={entry.what} /> : null}
              {!last ? <EntryButton intent="move-down" entryId={entry.id} label={t("evaluations.model.moveDown")} what={entry.what} /> : null}
              <EntryButton intent="delete-entry" entryId={entry.id} label={t("evaluations.model.delete")} what={entry.what} />
            </div>
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr>
          <td colSpan={columns}>
            <section id="edit-entry" aria-labelledby="edit-entry-heading">
              <h3 id="edit-entry-heading">{t("evaluations.model.editEntry")}</h3>
              <EntryForm
                id={`edit-${entry.id}`}
                entryId={entry.id}
                values={{ level: entry.level, supportType: entry.supportType, projectType: entry.projectType, goalId: entry.goal?.id ?? "", what: entry.what, method: entry.method }}
                goals={goals}
                cancelTo={`/o/${slug}/evaluations/model#row-${entry.id}`}
              />
            </section>
          </td>
        </tr>
      ) : null}
    </>
  );
}
