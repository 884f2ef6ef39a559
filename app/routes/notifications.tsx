import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { StatusMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { listNotifications, markNotificationsRead, preferencesOf, savePreferences } from "~/notifications/notifications.server";
import { NotificationPreferencesSchema } from "~/threads/schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const [notifications, preferences] = await Promise.all([listNotifications(user.id), preferencesOf(user.id)]);
  return { notifications, preferences };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "mark-all-read":
      await markNotificationsRead(user.id, "all");
      return json({ result: null, notice: "notifications.allRead" });
    case "preferences": {
      const submission = parseWithZod(formData, { schema: NotificationPreferencesSchema });
      if (submission.status !== "success") return json({ result: submission.reply(), notice: null }, { status: 400 });
      const { intent: _intent, ...preferences } = submission.value;
      await savePreferences(user.id, preferences);
      return json({ result: submission.reply(), notice: "notifications.preferencesSaved" });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function Notifications() {
  const { t } = useTranslation();
  const { notifications, preferences } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "preferences",
    lastResult: data?.result,
    defaultValue: {
      mailOnMention: preferences.mailOnMention ? "on" : undefined,
      mailOnReply: preferences.mailOnReply ? "on" : undefined,
      followOnPost: preferences.followOnPost ? "on" : undefined,
    },
  });
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="page narrow-wide">
      <h1>{t("notifications.title")}</h1>
      {data?.notice ? <StatusMessage>{t(data.notice)}</StatusMessage> : null}
      {unread > 0 ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="mark-all-read" />
          <button type="submit" className="button button--secondary">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p>{t("notifications.none")}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
              {!n.read ? <span className="badge badge--new">{t("notifications.unreadBadge")}</span> : null}{" "}
              {n.href ? <Link to={n.href}>{t(`notifications.types.${n.type}`, { name: n.actor ?? t("threads.formerMember"), thread: n.threadTitle })}</Link> : null}{" "}
              <span className="muted">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="preferences-heading" className="card">
        <h2 id="preferences-heading">{t("notifications.preferences")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="preferences" />
          <fieldset className="fieldset checkbox-list">
            <legend>{t("notifications.mailLegend")}</legend>
            <div className="checkbox-item">
              <input {...getInputProps(fields.mailOnMention, { type: "checkbox" })} />
              <label htmlFor={fields.mailOnMention.id}>{t("notifications.mailOnMention")}</label>
            </div>
            <div className="checkbox-item">
              <input {...getInputProps(fields.mailOnReply, { type: "checkbox" })} />
              <label htmlFor={fields.mailOnReply.id}>{t("notifications.mailOnReply")}</label>
            </div>
          </fieldset>
          <div className="checkbox-item">
            <input {...getInputProps(fields.followOnPost, { type: "checkbox" })} />
            <label htmlFor={fields.followOnPost.id}>{t("notifications.followOnPost")}</label>
          </div>
          <div>
            <button type="submit" className="button">
              {t("notifications.savePreferences")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
