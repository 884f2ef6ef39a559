import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { membersForRequests } from "~/account/data-requests.server";
import { DepartedLessonsChoice } from "~/account/departed-lessons-setting";
import { departedLessonsSetting, eraseMember } from "~/account/erasure.server";
import { EraseMemberSchema } from "~/account/schemas";
import { requireOrganisation } from "~/auth/guards.server";
import { FormErrors, SelectField, StatusMessage } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dataRequests.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, user } = await requireOrganisation(request, context, params.slug, "admin");
  const [members, departedLessons] = await Promise.all([membersForRequests(organisation.id, user.id), departedLessonsSetting(organisation.id)]);
  return { slug: organisation.slug, members: members.map((m) => m.user), departedLessons };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, user } = await requireOrganisation(request, context, params.slug, "admin");
  const submission = parseWithZod(await request.formData(), { schema: EraseMemberSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), erased: false }, { status: 400 });
  const { userId, lessons } = submission.value;
  const result = await eraseMember(organisation.id, userId, lessons, { actorId: user.id, ip: context.clientAddress });
  if (!result.ok) {
    return json({ result: submission.reply({ fieldErrors: { userId: [`dataRequests.${result.error}`] } }), erased: false }, { status: result.error === "notFound" ? 404 : 409 });
  }
  return json({ result: submission.reply({ resetForm: true }), erased: true });
}

export default function DataRequests() {
  const { t } = useTranslation();
  const { slug, members, departedLessons } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "erase-member",
    lastResult: data?.result,
    defaultValue: { lessons: departedLessons },
    constraint: getZodConstraint(EraseMemberSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseMemberSchema }),
  });
  const people = [{ value: "", label: t("dataRequests.choosePerson") }, ...members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))];
  // After a refused submission the choice made stays; otherwise the organisation's setting.
  const lessonsChoice = fields.lessons.initialValue === "delete" || fields.lessons.initialValue === "keep" ? fields.lessons.initialValue : departedLessons;
  return (
    <section aria-labelledby="data-requests-heading" className="narrow stack">
      <h1 id="data-requests-heading">{t("dataRequests.title")}</h1>
      <p className="lead">{t("dataRequests.intro")}</p>
      {members.length === 0 ? <p>{t("dataRequests.none")}</p> : null}

      <section aria-labelledby="data-requests-export-heading" className="card stack">
        <h2 id="data-requests-export-heading">{t("dataRequests.exportHeading")}</h2>
        <p>{t("dataRequests.exportText")}</p>
        {/* A plain GET form: the answer is a file the browser downloads. */}
        <form method="get" action={`/o/${slug}/settings/data-requests/export.json`} className="stack">
          <div className="field">
            <label htmlFor="export-person">{t("dataRequests.person")}</label>
            <select id="export-person" name="userId" required>
              {people.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button">
              {t("dataRequests.exportSubmit")}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="data-requests-erase-heading" className="card stack">
        <h2 id="data-requests-erase-heading">{t("dataRequests.eraseHeading")}</h2>
        <p>{t("dataRequests.eraseText")}</p>
        {data?.erased ? <StatusMessage>{t("dataRequests.erased")}</StatusMessage> : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="erase" />
          <SelectField meta={fields.userId} label={t("dataRequests.person")} options={people} />
          <DepartedLessonsChoice
            key={lessonsChoice}
            name={fields.lessons.name}
            legend={t("dataRequests.lessons")}
            value={lessonsChoice}
            labels={{ keep: t("dataRequests.lessonsKeep"), delete: t("dataRequests.lessonsDelete") }}
          />
          <div className={fields.confirm.errors ? "field field--error" : "field"}>
            {fields.confirm.errors ? (
              <p id={fields.confirm.errorId} className="field__error">
                {t(fields.confirm.errors[0])}
              </p>
            ) : null}
            <div className="checkbox">
              <input type="checkbox" id={fields.confirm.id} name={fields.confirm.name} defaultChecked={fields.confirm.initialValue === "on"} aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined} aria-invalid={fields.confirm.errors ? true : undefined} />
              <label htmlFor={fields.confirm.id}>{t("dataRequests.confirm")}</label>
            </div>
          </div>
          <div>
            <button type="submit" className="button button--danger">
              {t("dataRequests.eraseSubmit")}
            </button>
          </div>
        </Form>
      </section>
    </section>
  );
}
