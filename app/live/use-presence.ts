import { useEffect, useState } from "react";
import { useLive } from "./live-context";

export type OnlineUser = { id: string; name: string };

/** Who in the organisation is online, kept current over the live channel. */
export function usePresence(organisationId: string): OnlineUser[] | null {
  const { socket, status } = useLive();
  const [users, setUsers] = useState<OnlineUser[] | null>(null);

  useEffect(() => {
    if (!socket || status !== "connected") return;
    const onUpdate = (update: { organisationId: string; users: OnlineUser[] }) => {
      if (update.organisationId === organisationId) setUsers(update.users);
    };
    socket.on("presence:update", onUpdate);
    socket.emit("presence:list", { organisationId }, (reply: { ok: boolean; users?: OnlineUser[] }) => {
      if (reply.ok && reply.users) setUsers(reply.users);
    });
    return () => {
      socket.off("presence:update", onUpdate);
    };
  }, [socket, status, organisationId]);

  return users;
}
