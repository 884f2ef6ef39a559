import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableRegion } from "~/components/table-region";
import { auditBy } from "~/audit/audit.server";
import { appOrigin, requireOrganisation } from "~/auth/guards.server";
import { FormErrors, SelectField, StatusMessage, TextField } from "~/components/forms";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/organisations/invitations.server";
import { changeRole, listMembers, removeMember } from "~/organisations/members.server";
import { ROLES } from "~/organisations/roles";
import { ChangeRoleSchema, InviteSchema, RemoveMemberSchema, RevokeInvitationSchema } from "~/organisations/schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "members.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, user } = await requireOrganisation(request, context, params.slug, "admin");
  const [members, invitations] = await Promise.all([listMembers(organisation.id), listPendingInvitations(organisation.id)]);
  return { members, invitations, currentUserId: user.id };
}

type Message = { key: string; values?: Record<string, string> };
type ActionData = { message?: Message; error?: Message; invite?: SubmissionResult<string[]>; link?: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, user } = await requireOrganisation(request, context, params.slug, "admin");
  const formData = await request.formData();
  const t = (key: string, values?: Record<string, string>): Message => ({ key, values });

  switch (formData.get("intent")) {
    case "invite": {
      const submission = parseWithZod(formData, { schema: InviteSchema });
      if (submission.status !== "success") return json<ActionData>({ invite: submission.reply() }, { status: 400 });
      const { email, role } = submission.value;
      const result = await createInvitation(organisation, user, email, role, appOrigin(request));
      if (!result.ok) {
        return json<ActionData>(
          { invite: submission.reply({ fieldErrors: { email: ["members.alreadyMember"] } }) },
          { status: 400 },
        );
      }
      return json<ActionData>({
        invite: submission.reply({ resetForm: true }),
        message: t("members.invited", { email }),
        link: result.link,
      });
    }
    case "change-role": {
      const parsed = ChangeRoleSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return json<ActionData>({ error: t("validation.roleInvalid") }, { status: 400 });
      const result = await changeRole(organisation.id, parsed.data.membershipId, parsed.data.role, auditBy(context));
      if (!result.ok) return notDone(result.error);
      return json<ActionData>({ message: t("members.roleSaved", { name: result.name, role: `roles.${parsed.data.role}` }) });
    }
    case "remove-member": {
      const parsed = RemoveMemberSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      const result = await removeMember(organisation.id, parsed.data.membershipId, auditBy(context));
      if (!result.ok) return notDone(result.error);
      return json<ActionData>({ message: t("members.removed", { name: result.name }) });
    }
    case "revoke-invitation": {
      const parsed = RevokeInvitationSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      const revoked = await revokeInvitation(organisation.id, parsed.data.invitationId);
      if (!revoked) throw new Response("Not Found", { status: 404 });
      return json<ActionData>({ message: t("members.revoked", { email: revoked.email }) });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function notDone(error: "notFound" | "lastAdmin") {
  if (error === "notFound") throw new Response("Not Found", { status: 404 });
  return json<ActionData>({ error: { key: "members.lastAdmin" } }, { status: 409 });
}

export default function Members() {
  const { t } = useTranslation();
  const { members, invitations, currentUserId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: data?.invite,
    defaultValue: { role: "member" },
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  // Role names inside messages are translation keys too.
  const translateValues = (values?: Record<string, string>) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, v.startsWith("roles.") ? t(v) : v]));

  return (
    <>
      <h1>{t("members.title")}</h1>
      {data?.message ? <StatusMessage>{t(data.message.key, translateValues(data.message.values))}</StatusMessage> : null}
      {data?.error ? <FormErrors id="members-error" errors={[data.error.key]} /> : null}
      {data?.link ? (
        <p className="field">
          <label htmlFor="invitation-link">{t("members.inviteLink")}</label>
          <input id="invitation-link" type="text" readOnly value={data.link} className="copyable" />
        </p>
      ) : null}

      <TableRegion label={t("members.title")}>
        <table>
          <caption className="visually-hidden">{t("members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.since")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("members.removeConfirm")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  {member.user.name}
                  {member.user.id === currentUserId ? <span className="muted"> ({t("members.you")})</span> : null}
                </th>
                <td>{member.user.email}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="membershipId" value={member.id} />
                    <label htmlFor={`role-${member.id}`} className="visually-hidden">
                      {t("members.changeRole", { name: member.user.name })}
                    </label>
                    <select id={`role-${member.id}`} name="role" defaultValue={member.role} key={member.role}>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`roleNames.${role}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button--secondary button--small">
                      {t("members.saveRole")}
                      <span className="visually-hidden">: {member.user.name}</span>
                    </button>
                  </Form>
                </td>
                <td>{formatDate(member.createdAt)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="membershipId" value={member.id} />
                    <button type="submit" className="button button--danger button--small" aria-label={t("members.remove", { name: member.user.name })}>
                      {t("members.removeConfirm")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <section aria-labelledby="invite-heading" className="narrow">
        <h2 id="invite-heading">{t("members.inviteTitle")}</h2>
        <p>{t("members.inviteIntro")}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="invite" />
          <TextField meta={fields.email} type="email" label={t("members.inviteEmail")} autoComplete="off" />
          <SelectField
            meta={fields.role}
            label={t("members.inviteRole")}
            options={ROLES.map((role) => ({ value: role, label: t(`roleNames.${role}`) }))}
          />
          <div>
            <button type="submit" className="button">
              {t("members.inviteSubmit")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("members.pendingTitle")}</h2>
        {invitations.length === 0 ? (
          <p>{t("members.noPending")}</p>
        ) : (
          <ul className="card-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="card card--row">
                <span>
                  <strong>{invitation.email}</strong> · {t(`roleNames.${invitation.role}`)} · {t("members.expires")}{" "}
                  {formatDate(invitation.expiresAt)}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke-invitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="button button--secondary button--small">
                    {t("members.revoke", { email: invitation.email })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
