import { useTranslation } from "react-i18next";
import { useLive } from "./live-context";
import { usePresence } from "./use-presence";

export function PresenceList({ organisationId, currentUserId }: { organisationId: string; currentUserId: string }) {
  const { t } = useTranslation();
  const { status } = useLive();
  const users = usePresence(organisationId);
  return (
    <aside aria-labelledby="presence-heading" className="presence">
      <h2 id="presence-heading">{t("org.online")}</h2>
      <p role="status" className={status === "disconnected" ? "alert alert--warning" : "muted"}>
        {status === "connected" && users
          ? t("org.onlineCount", { count: users.length })
          : status === "disconnected"
            ? t("org.disconnected")
            : t("org.connecting")}
      </p>
      {users ? (
        <ul className="presence__list" data-testid="presence-list">
          {users.map((user) => (
            <li key={user.id}>
              <span className="presence__dot" aria-hidden="true" />
              {user.name} {user.id === currentUserId ? <span className="muted">{t("org.onlineYou")}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}
