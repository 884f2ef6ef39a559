import type { Server, Socket } from "socket.io";
import { db } from "~/db.server";
import { inBackground } from "~/live/background.server";
import { clockOf, learningRoom, markAway, markPresent } from "./run.server";
import { findVisibleSession } from "./sessions.server";

// Socket events of a learning session: joining its room (checked like the
// page) marks the person present, for pairing; leaving with their last tab marks them away.

type SocketUser = { id: string; name: string };

function field(payload: unknown, name: string): string {
  return typeof payload === "object" && payload !== null && name in payload ? String((payload as Record<string, unknown>)[name] ?? "") : "";
}

export function handleSessionSockets(io: Server, socket: Socket): void {
  const user = socket.data.user as SocketUser;

  socket.on("learning:join", async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const sessionId = field(payload, "sessionId");
    const organisationId = field(payload, "organisationId");
    const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId } }, select: { role: true } });
    const viewer = membership ? { userId: user.id, organisationId, role: membership.role } : null;
    if (!viewer || !(await findVisibleSession(viewer, sessionId))) return ack({ ok: false });
    // In the room before marked present: a reload's old tab, leaving at the same moment, then sees this one and does not mark the person away.
    await socket.join(learningRoom(sessionId));
    await markPresent(viewer, sessionId);
    const session = await db.learningSession.findUniqueOrThrow({ where: { id: sessionId } });
    ack({ ok: true, clock: clockOf(session) });
  });

  const leave = async (sessionId: string) => {
    const leaving = new Date();
    const room = learningRoom(sessionId);
    const others = (await io.in(room).fetchSockets()).some((s) => s.id !== socket.id && (s.data.user as SocketUser).id === user.id);
    if (!others) await markAway(user.id, sessionId, leaving);
  };

  socket.on("learning:leave", (payload: unknown) => {
    const sessionId = field(payload, "sessionId");
    if (!socket.rooms.has(learningRoom(sessionId))) return;
    void socket.leave(learningRoom(sessionId));
    inBackground("leaving a session", leave(sessionId));
  });

  socket.on("disconnecting", () => {
    const sessionIds = [...socket.rooms].filter((r) => r.startsWith("learning:")).map((r) => r.slice("learning:".length));
    for (const id of sessionIds) inBackground("leaving a session", leave(id));
  });
}
