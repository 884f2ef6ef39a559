import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, StatusMessage, TextAreaField } from "~/components/forms";
import { TableRegion } from "~/components/table-region";
import { formatDate, formatDateTime } from "~/i18n/i18n";
import { requireViewer } from "~/lessons/viewer.server";
import { findQuestionnaire, saveAnswers } from "~/network-questions/questionnaires.server";
import { AnswersSchema } from "~/network-questions/schemas";
import { networkForMember } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.questionnaire.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const network = await networkForMember(organisation.id, params.networkId ?? "");
  if (!network) throw new Response("Not Found", { status: 404 });
  const questionnaire = await findQuestionnaire(network.id, params.questionnaireId ?? "");
  if (!questionnaire) throw new Response("Not Found", { status: 404 });
  return {
    slug: organisation.slug,
    organisation: { id: organisation.id, name: organisation.name },
    network: { id: network.id, name: network.name },
    questionnaire,
    canAnswer: hasRole(viewer.role, "facilitator"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const network = await networkForMember(organisation.id, params.networkId ?? "");
  if (!network) throw new Response("Not Found", { status: 404 });
  // Admins and facilitators answer for the organisation; members read.
  if (!hasRole(viewer.role, "facilitator")) throw new Response("Forbidden", { status: 403 });
  const questionnaireId = params.questionnaireId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: AnswersSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), unsaved: null }, { status: 400 });
  const outcome = await saveAnswers(viewer, network.id, questionnaireId, submission.value.answers);
  if (outcome === "not-found") throw new Response("Not Found", { status: 404 });
  // The form is gone once closed; what was typed is handed back so that it is not lost.
  if (outcome === "closed") return json({ result: null, unsaved: submission.value.answers }, { status: 409 });
  return redirect(`/o/${organisation.slug}/networks/${network.id}/questions/${questionnaireId}?notice=saved`);
}

type AnswerColumn = SerializeFrom<typeof loader>["questionnaire"]["columns"][number];

/** Who saved an organisation's answers last, and when. */
function LastSaved({ column }: { column: AnswerColumn }) {
  const { t } = useTranslation();
  const date = formatDateTime(column.updatedAt);
  return <>{column.answeredBy ? t("networkQuestions.lastSaved", { name: column.answeredBy, date }) : t("networkQuestions.lastSavedNoName", { date })}</>;
}

/** An answer as its paragraphs: people write several lines. */
function AnswerText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

function AnswerForm({ questions, answers }: { questions: string[]; answers: string[] }) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>()?.result ?? undefined;
  const [form, fields] = useForm({
    id: "network-answers",
    lastResult,
    defaultValue: { answers },
    constraint: getZodConstraint(AnswersSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AnswersSchema }),
  });
  const list = fields.answers.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      {questions.map((question, i) =>
        list[i] ? <TextAreaField key={i} meta={list[i]} label={t("networkQuestions.questionLabel", { number: i + 1, question })} /> : null,
      )}
      <div>
        <button type="submit" className="button">
          {t("networkQuestions.saveAnswers")}
        </button>
      </div>
    </Form>
  );
}

function SideBySide({ questions, columns }: { questions: string[]; columns: AnswerColumn[] }) {
  const { t } = useTranslation();
  return (
    <TableRegion label={t("networkQuestions.sideBySide")}>
      <table>
        <caption>{t("networkQuestions.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("networkQuestions.question")}</th>
            {columns.map((c) => (
              <th key={c.organisation.id} scope="col">
                {c.organisation.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {questions.map((question, i) => (
            <tr key={i}>
              <th scope="row">{t("networkQuestions.questionLabel", { number: i + 1, question })}</th>
              {columns.map((c) => (
                <td key={c.organisation.id}>{c.answers[i] ? <AnswerText text={c.answers[i]} /> : <span className="muted">{t("networkQuestions.noAnswer")}</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("networkQuestions.updated")}</th>
            {columns.map((c) => (
              <td key={c.organisation.id}>
                <LastSaved column={c} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

export default function NetworkQuestionnaire() {
  const { t } = useTranslation();
  const { slug, organisation, network, questionnaire: q, canAnswer } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const unsaved = useActionData<typeof action>()?.unsaved;
  const notice = ["created", "saved"].find((n) => n === searchParams.get("notice"));
  const ours = q.columns.find((c) => c.organisation.id === organisation.id);
  const base = `/o/${slug}/networks/${network.id}/questions`;
  return (
    <article className="page" aria-labelledby="questionnaire-title">
      <p className="muted">
        <Link to={`/o/${slug}/networks/${network.id}`}>{network.name}</Link> · <Link to={base}>{t("networkQuestions.title")}</Link>
      </p>
      <h1 id="questionnaire-title">{q.title}</h1>
      <p className="muted">
        {q.author
          ? t("networkQuestions.sentByAuthor", { author: q.author, organisation: q.sender, date: formatDate(q.createdAt) })
          : t("networkQuestions.sentBy", { organisation: q.sender, date: formatDate(q.createdAt) })}
        {q.closesAt && !q.closed ? ` · ${t("networkQuestions.closesOn", { date: formatDate(q.closesAt) })}` : null}
      </p>
      {notice ? <StatusMessage>{t(`networkQuestions.${notice}`)}</StatusMessage> : null}
      {q.intro ? (
        <div className="lead">
          <AnswerText text={q.intro} />
        </div>
      ) : null}
      {q.closed && q.closesAt ? <p className="alert alert--warning">{t("networkQuestions.closedText", { date: formatDate(q.closesAt) })}</p> : null}
      {unsaved ? (
        <div className="alert alert--error" role="alert">
          <p>{t("networkQuestions.unsaved")}</p>
          <dl>
            {q.questions.map((question, i) =>
              unsaved[i] ? (
                <div key={i}>
                  <dt>{t("networkQuestions.questionLabel", { number: i + 1, question })}</dt>
                  <dd>
                    <AnswerText text={unsaved[i]} />
                  </dd>
                </div>
              ) : null,
            )}
          </dl>
        </div>
      ) : null}

      <section aria-labelledby="our-answers-heading" className="card narrow-wide">
        <h2 id="our-answers-heading">{t("networkQuestions.ourAnswers", { organisation: organisation.name })}</h2>
        <p className="muted">{ours ? <LastSaved column={ours} /> : t("networkQuestions.notAnsweredYet", { organisation: organisation.name })}</p>
        {q.closed ? null : canAnswer ? (
          <>
            <p>{t("networkQuestions.ourAnswersIntro", { organisation: organisation.name })}</p>
            <AnswerForm questions={q.questions} answers={ours?.answers ?? q.questions.map(() => "")} />
          </>
        ) : (
          <p>{t("networkQuestions.onlyAnswerers", { organisation: organisation.name })}</p>
        )}
      </section>

      <section aria-labelledby="side-by-side-heading">
        <div className="page-header">
          <h2 id="side-by-side-heading">{t("networkQuestions.sideBySide")}</h2>
          {q.columns.length ? (
            <a href={`${base}/${q.id}.csv`} className="button button--secondary" download>
              {t("networkQuestions.csv")}
            </a>
          ) : null}
        </div>
        {q.columns.length ? <SideBySide questions={q.questions} columns={q.columns} /> : <p>{t("networkQuestions.noAnswers")}</p>}
        {q.notAnswered.length ? <p className="muted">{t("networkQuestions.waitingFor", { organisations: q.notAnswered.map((o) => o.name).join(", ") })}</p> : null}
      </section>
    </article>
  );
}
