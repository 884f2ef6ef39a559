import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLive } from "~/live/live-context";

/** The bell in the header: unread notifications, counted live. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { t } = useTranslation();
  const { socket } = useLive();
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => {
    if (!socket) return;
    const onNew = (event: { unread: number }) => setUnread(event.unread);
    socket.on("notification:new", onNew);
    return () => {
      socket.off("notification:new", onNew);
    };
  }, [socket]);
  return (
    <Link to="/notifications" className="bell" data-testid="notification-bell">
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      <span>{t("notifications.bell", { count: unread })}</span>
      {unread > 0 ? <span className="bell__count" aria-hidden="true">{unread}</span> : null}
    </Link>
  );
}
