import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, StatusMessage, TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { acceptInvitation, createNetwork, declineInvitation, listNetworks } from "~/networks/networks.server";
import { NetworkIntentSchema, NetworkSchema } from "~/networks/schemas";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networks.title");

const NOTICES = ["declined", "left"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const networks = await listNetworks(organisation.id);
  const url = new URL(request.url);
  const notice = NOTICES.find((n) => n === url.searchParams.get("notice")) ?? null;
  return {
    slug: organisation.slug,
    isAdmin: hasRole(viewer.role, "admin"),
    joined: networks.filter((n) => n.status === "member"),
    invitations: networks.filter((n) => n.status === "invited"),
    notice,
    // How much leaving a network took back, for the notice.
    counts: Object.fromEntries(["lessons", "categories", "sessions"].map((k) => [k, Number(url.searchParams.get(k)) || 0])),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  if (!hasRole(viewer.role, "admin")) throw new Response("Forbidden", { status: 403 });
  const formData = await request.formData();
  if (formData.get("intent") === "create") {
    const submission = parseWithZod(formData, { schema: NetworkSchema });
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    const network = await createNetwork(viewer, submission.value);
    return redirect(`/o/${organisation.slug}/networks/${network.id}?notice=created`);
  }
  const intent = NetworkIntentSchema.safeParse(Object.fromEntries(formData));
  if (!intent.success || (intent.data.intent !== "accept" && intent.data.intent !== "decline")) throw new Response("Bad Request", { status: 400 });
  const { networkId } = intent.data;
  if (intent.data.intent === "accept") {
    if (!(await acceptInvitation(viewer, networkId))) throw new Response("Not Found", { status: 404 });
    return redirect(`/o/${organisation.slug}/networks/${networkId}?notice=accepted`);
  }
  if (!(await declineInvitation(viewer, networkId))) throw new Response("Not Found", { status: 404 });
  return redirect(`/o/${organisation.slug}/networks?notice=declined`);
}

function CreateNetworkForm() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-network",
    lastResult,
    defaultValue: { name: "", description: "" },
    constraint: getZodConstraint(NetworkSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NetworkSchema }),
  });
  return (
    <section aria-labelledby="create-network-heading" className="card">
      <h2 id="create-network-heading">{t("networks.create")}</h2>
      <p>{t("networks.createIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.name} label={t("networks.name")} hint={t("networks.nameHint")} />
        <TextAreaField meta={fields.description} label={t("networks.description")} hint={t("networks.descriptionHint")} />
        <div>
          <button type="submit" className="button">
            {t("networks.create")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function Networks() {
  const { t } = useTranslation();
  const { slug, isAdmin, joined, invitations, notice, counts } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("networks.title")}</h1>
        {joined.length ? (
          <Link to="feed" className="button button--secondary">
            {t("networks.feedLink")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("networks.intro")}</p>
      {notice ? <StatusMessage>{t(`networks.${notice}`, counts)}</StatusMessage> : null}

      {invitations.length ? (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t("networks.invitations")}</h2>
          <ul className="card-list">
            {invitations.map((network) => (
              <li key={network.id} className="card">
                <h3>{network.name}</h3>
                {network.description ? <p>{network.description}</p> : null}
                <p>{t("networks.invitationText", { network: network.name, members: network.members.map((m) => m.name).join(", ") })}</p>
                {isAdmin ? (
                  <div className="actions">
                    <Form method="post">
                      <input type="hidden" name="networkId" value={network.id} />
                      <button type="submit" name="intent" value="accept" className="button">
                        {t("networks.accept")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="networkId" value={network.id} />
                      <button type="submit" name="intent" value="decline" className="button button--secondary">
                        {t("networks.decline")}
                      </button>
                    </Form>
                  </div>
                ) : (
                  <p className="muted">{t("networks.awaitingAdmin")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="your-networks-heading">
        <h2 id="your-networks-heading">{t("networks.yourNetworks")}</h2>
        {joined.length === 0 ? (
          <>
            <p>{t("networks.none")}</p>
            <p className="muted">{isAdmin ? t("networks.noneAdminHint") : t("networks.noneMemberHint")}</p>
          </>
        ) : (
          <ul className="card-list">
            {joined.map((network) => (
              <li key={network.id} className="card">
                <h3>
                  <Link to={`/o/${slug}/networks/${network.id}`}>{network.name}</Link>
                </h3>
                {network.description ? <p>{network.description}</p> : null}
                <p className="muted">
                  {t("networks.memberCount", { count: network.members.length })}: {network.members.map((m) => m.name).join(", ")}
                </p>
                {network.invited.length ? (
                  <p className="muted">
                    {t("networks.invitedOrganisations")}: {network.invited.map((m) => m.name).join(", ")}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {isAdmin ? <CreateNetworkForm /> : null}
    </div>
  );
}
