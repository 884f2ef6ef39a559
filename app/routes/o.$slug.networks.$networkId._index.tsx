import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableRegion } from "~/components/table-region";
import { FormErrors, SelectField, StatusMessage, TextAreaField, TextField } from "~/components/forms";
import { formatDate } from "~/i18n/i18n";
import { requireViewer } from "~/lessons/viewer.server";
import {
  invitableOrganisations,
  inviteOrganisation,
  leaveNetwork,
  networkForMember,
  sharedWithNetwork,
  updateNetwork,
  withdrawInvitation,
} from "~/networks/networks.server";
import { InviteSchema, NetworkIntentSchema, NetworkSchema } from "~/networks/schemas";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.network.name} · Lärloop` : "Lärloop" }];

const NOTICES = ["created", "accepted", "invited", "alreadyInvited", "withdrawn", "saved"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const network = await networkForMember(organisation.id, params.networkId ?? "");
  if (!network) throw new Response("Not Found", { status: 404 });
  const isAdmin = hasRole(viewer.role, "admin");
  const url = new URL(request.url);
  const confirmLeave = isAdmin && url.searchParams.get("leave") === "1";
  const [invitable, shared] = await Promise.all([
    isAdmin ? invitableOrganisations(network.id) : Promise.resolve([]),
    confirmLeave ? sharedWithNetwork(organisation.id, network.id) : null,
  ]);
  return {
    slug: organisation.slug,
    organisationId: organisation.id,
    isAdmin,
    network,
    invitable,
    shared,
    notice: NOTICES.find((n) => n === url.searchParams.get("notice")) ?? null,
    noticeOrganisation: url.searchParams.get("organisation") ?? "",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  if (!hasRole(viewer.role, "admin")) throw new Response("Forbidden", { status: 403 });
  const networkId = params.networkId ?? "";
  if (!(await networkForMember(organisation.id, networkId))) throw new Response("Not Found", { status: 404 });
  const here = `/o/${organisation.slug}/networks/${networkId}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "edit") {
    const submission = parseWithZod(formData, { schema: NetworkSchema });
    if (submission.status !== "success") return json({ form: "edit" as const, result: submission.reply() }, { status: 400 });
    await updateNetwork(viewer, networkId, submission.value);
    return redirect(`${here}?notice=saved`);
  }
  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: InviteSchema });
    if (submission.status !== "success") return json({ form: "invite" as const, result: submission.reply() }, { status: 400 });
    const outcome = await inviteOrganisation(viewer, networkId, submission.value.organisationId);
    if (outcome === "not-found") return json({ form: "invite" as const, result: submission.reply({ fieldErrors: { organisationId: ["validation.chooseOrganisation"] } }) }, { status: 400 });
    return redirect(`${here}?notice=${outcome === "invited" ? "invited" : "alreadyInvited"}&organisation=${encodeURIComponent(submission.value.organisationId)}`);
  }
  const parsed = NetworkIntentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  if (parsed.data.intent === "withdraw") {
    await withdrawInvitation(viewer, networkId, parsed.data.organisationId);
    return redirect(`${here}?notice=withdrawn`);
  }
  if (parsed.data.intent === "leave") {
    const left = await leaveNetwork(viewer, networkId);
    if (!left) throw new Response("Not Found", { status: 404 });
    return redirect(`/o/${organisation.slug}/networks?notice=left&lessons=${left.lessons}&categories=${left.categories}&sessions=${left.sessions}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

function EditForm({ values }: { values: { name: string; description: string } }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-network",
    lastResult: data?.form === "edit" ? data.result : undefined,
    defaultValue: values,
    constraint: getZodConstraint(NetworkSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NetworkSchema }),
  });
  return (
    <details className="card" open={data?.form === "edit"}>
      <summary>{t("networks.edit")}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="edit" />
        <TextField meta={fields.name} label={t("networks.name")} />
        <TextAreaField meta={fields.description} label={t("networks.description")} hint={t("networks.descriptionHint")} />
        <div>
          <button type="submit" className="button">
            {t("networks.save")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function InviteForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite-organisation",
    lastResult: data?.form === "invite" ? data.result : undefined,
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">{t("networks.invite")}</h2>
      {organisations.length === 0 ? (
        <p>{t("networks.nobodyToInvite")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="invite" />
          <SelectField
            meta={fields.organisationId}
            label={t("networks.inviteLabel")}
            hint={t("networks.inviteHint")}
            options={[{ value: "", label: "" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <div>
            <button type="submit" className="button">
              {t("networks.inviteButton")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export default function NetworkPage() {
  const { t } = useTranslation();
  const { slug, isAdmin, network, invitable, shared, notice, noticeOrganisation } = useLoaderData<typeof loader>();
  const invitedName = [...network.invited, ...network.members].find((m) => m.organisation.id === noticeOrganisation)?.organisation.name ?? "";
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/networks`}>{t("networks.title")}</Link>
      </p>
      <h1>{network.name}</h1>
      {network.description ? <p className="lead">{network.description}</p> : null}
      {network.createdByOrganisation ? <p className="muted">{t("networks.createdBy", { organisation: network.createdByOrganisation.name })}</p> : null}
      {notice ? <StatusMessage>{t(`networks.${notice}`, { network: network.name, organisation: invitedName })}</StatusMessage> : null}

      <nav aria-labelledby="network-sections-heading" className="card">
        <h2 id="network-sections-heading">{t("networks.sections")}</h2>
        <ul>
          <li>
            <Link to={`/o/${slug}/networks/feed?network=${network.id}`}>{t("networks.feedLink")}</Link>
          </li>
          <li>
            <Link to="questions">{t("networks.questionsLink")}</Link>
          </li>
          <li>
            <Link to={`/o/${slug}/visits`}>{t("networks.visitsLink")}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("networks.members")}</h2>
        <TableRegion label={t("networks.members")}>
          <table>
            <caption className="visually-hidden">{t("networks.members")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("networks.organisation")}</th>
                <th scope="col">{t("networks.county")}</th>
                <th scope="col">{t("networks.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {network.members.map((m) => (
                <tr key={m.organisation.id}>
                  <th scope="row">
                    <Link to={`organisations/${m.organisation.slug}`}>{m.organisation.name}</Link>
                  </th>
                  <td>{m.organisation.county}</td>
                  <td>{m.joinedAt ? formatDate(m.joinedAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      {network.invited.length ? (
        <section aria-labelledby="invited-heading">
          <h2 id="invited-heading">{t("networks.invitedOrganisations")}</h2>
          <ul className="card-list">
            {network.invited.map((m) => (
              <li key={m.organisation.id} className="card card--row">
                <span>
                  {m.organisation.name} <span className="muted">· {t("networks.invitedOn", { date: formatDate(m.invitedAt) })}</span>
                </span>
                {isAdmin ? (
                  <Form method="post">
                    <input type="hidden" name="organisationId" value={m.organisation.id} />
                    <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                      {t("networks.withdraw", { organisation: m.organisation.name })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isAdmin ? (
        <>
          <InviteForm organisations={invitable} />
          <EditForm values={{ name: network.name, description: network.description }} />
          {shared ? (
            <section aria-labelledby="leave-heading" className="alert alert--warning">
              <h2 id="leave-heading">{t("networks.leaveTitle", { network: network.name })}</h2>
              <p>{t("networks.leaveExplain", shared)}</p>
              <div className="actions">
                <Form method="post">
                  <button type="submit" name="intent" value="leave" className="button button--danger">
                    {t("networks.leaveConfirm")}
                  </button>
                </Form>
                <Link to="." className="button button--secondary">
                  {t("networks.leaveCancel")}
                </Link>
              </div>
            </section>
          ) : (
            <p>
              <Link to="?leave=1" className="button button--secondary">
                {t("networks.leave")}
              </Link>
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t("networks.adminOnly")}</p>
      )}
    </div>
  );
}
