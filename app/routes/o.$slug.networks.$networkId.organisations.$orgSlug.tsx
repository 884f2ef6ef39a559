import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, StatusMessage, TextAreaField } from "~/components/forms";
import { OneToOneBadge } from "~/goals/goal-tree";
import type { GoalNode } from "~/goals/goals.server";
import { formatDate } from "~/i18n/i18n";
import { requireViewer } from "~/lessons/viewer.server";
import { AskMeAboutSchema } from "~/networks/directory-schema";
import { directoryEntry, saveOwnTopics } from "~/networks/directory.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} · ${data.network.name} · Lärloop` : "Lärloop" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const entry = await directoryEntry(viewer, params.networkId ?? "", params.orgSlug ?? "");
  if (!entry) throw new Response("Not Found", { status: 404 });
  return { slug: organisation.slug, ...entry, saved: new URL(request.url).searchParams.get("notice") === "saved" };
}

// Only one's own topics, and only on one's own organisation's entry.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const entry = await directoryEntry(viewer, params.networkId ?? "", params.orgSlug ?? "");
  if (!entry?.own) throw new Response("Not Found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: AskMeAboutSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await saveOwnTopics(viewer, submission.value.topics);
  return redirect(`${new URL(request.url).pathname}?notice=saved#your-topics-heading`);
}

function Goals({ goals }: { goals: GoalNode[] }) {
  if (!goals.length) return null;
  return (
    <ul className="goal-tree">
      {goals.map((goal) => (
        <li key={goal.id}>
          {goal.code ? <span className="goal-code">{goal.code}</span> : null} {goal.name} {goal.oneToOneRelevant ? <OneToOneBadge /> : null}
          <Goals goals={goal.children} />
        </li>
      ))}
    </ul>
  );
}

function TopicsForm({ topics, saved }: { topics: string; saved: boolean }) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "ask-me-about",
    lastResult,
    defaultValue: { topics },
    constraint: getZodConstraint(AskMeAboutSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AskMeAboutSchema }),
  });
  return (
    <section aria-labelledby="your-topics-heading" className="card">
      <h2 id="your-topics-heading">{t("networkFeed.directory.yourTopics")}</h2>
      <p>{t("networkFeed.directory.yourTopicsIntro")}</p>
      {saved && !lastResult ? <StatusMessage>{t("networkFeed.directory.saved")}</StatusMessage> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField meta={fields.topics} label={t("networkFeed.directory.topics")} hint={t("networkFeed.directory.topicsHint")} />
        <div>
          <button type="submit" className="button">
            {t("networkFeed.directory.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function DirectoryEntry() {
  const { t } = useTranslation();
  const { slug, network, organisation, joinedAt, strategies, contacts, own, myTopics, saved } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/networks`}>{t("networks.title")}</Link> › <Link to={`/o/${slug}/networks/${network.id}`}>{network.name}</Link>
      </p>
      <h1>{organisation.name}</h1>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t("networkFeed.directory.about")}</h2>
        <p className={organisation.description ? "lead" : "muted"}>{organisation.description || t("networkFeed.directory.noDescription")}</p>
        <dl className="facts">
          <div>
            <dt>{t("networkFeed.directory.kind")}</dt>
            <dd>{t(`kinds.${organisation.kind}`, { defaultValue: organisation.kind })}</dd>
          </div>
          {organisation.county ? (
            <div>
              <dt>{t("networkFeed.directory.county")}</dt>
              <dd>{organisation.county}</dd>
            </div>
          ) : null}
          {organisation.website ? (
            <div>
              <dt>{t("networkFeed.directory.website")}</dt>
              <dd>
                <a href={organisation.website} rel="noopener noreferrer">
                  {organisation.website.replace(/^https?:\/\//, "")}
                </a>
              </dd>
            </div>
          ) : null}
          {organisation.contactEmail ? (
            <div>
              <dt>{t("networkFeed.directory.contactEmail")}</dt>
              <dd>
                <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
              </dd>
            </div>
          ) : null}
        </dl>
        {joinedAt ? <p className="muted">{t("networkFeed.directory.memberSince", { date: formatDate(joinedAt) })}</p> : null}
      </section>

      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t("networkFeed.directory.contacts")}</h2>
        {contacts.length === 0 ? (
          <p>{t("networkFeed.directory.noContacts")}</p>
        ) : (
          <>
            <p>{t("networkFeed.directory.contactsIntro")}</p>
            <ul className="card-list">
              {contacts.map((contact) => (
                <li key={contact.topic} className="card">
                  <h3>{t("networkFeed.directory.askMeAbout", { topic: contact.topic })}</h3>
                  <ul>
                    {contact.people.map((person) => (
                      <li key={person.email}>
                        {person.name} · <a href={`mailto:${person.email}`}>{person.email}</a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {own && myTopics !== null ? <TopicsForm topics={myTopics} saved={saved} /> : null}

      <section aria-labelledby="strategies-heading">
        <h2 id="strategies-heading">{t("networkFeed.directory.strategies")}</h2>
        {strategies.length === 0 ? (
          <p>{t("networkFeed.directory.noStrategies")}</p>
        ) : (
          <>
            <p className="muted">{t("networkFeed.directory.strategiesIntro")}</p>
            {strategies.map((strategy) => (
              <section key={strategy.id} aria-labelledby={`strategy-${strategy.id}`} className="strategy">
                <h3 id={`strategy-${strategy.id}`}>{strategy.name}</h3>
                {strategy.description ? <p>{strategy.description}</p> : null}
                {strategy.goals.length ? <Goals goals={strategy.goals} /> : <p className="muted">{t("networkFeed.directory.noGoals")}</p>}
              </section>
            ))}
          </>
        )}
      </section>
    </div>
  );
}
