import type { Server, Socket } from "socket.io";
import { db } from "~/db.server";
import { threadRoom } from "~/live/live-events.server";
import { markThreadNotificationsRead } from "~/notifications/notifications.server";
import { changesSince, markRead } from "./threads.server";

// Socket events of a thread page. Joining a thread's room is checked against
// the same rules as its page, from the workspace the reader has open.

type SocketUser = { id: string; name: string };
type Ack = (reply: unknown) => void;

function field(payload: unknown, name: string): unknown {
  return typeof payload === "object" && payload !== null && name in payload ? (payload as Record<string, unknown>)[name] : undefined;
}

async function viewerFor(userId: string, organisationId: string) {
  const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } }, select: { role: true } });
  return membership ? { userId, organisationId, role: membership.role } : null;
}

export function handleThreadSockets(socket: Socket): void {
  const user = socket.data.user as SocketUser;

  // { threadId, organisationId, after, since } → the posts missed since then.
  socket.on("thread:join", async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const threadId = String(field(payload, "threadId") ?? "");
    const viewer = await viewerFor(user.id, String(field(payload, "organisationId") ?? ""));
    const after = Number(field(payload, "after") ?? 0);
    const sinceValue = field(payload, "since");
    const since = typeof sinceValue === "string" && !Number.isNaN(Date.parse(sinceValue)) ? new Date(sinceValue) : null;
    const changes = viewer && Number.isInteger(after) && after >= 0 ? await changesSince(viewer, threadId, after, since) : null;
    if (!changes) return (ack as Ack)({ ok: false, error: "notFound" });
    await socket.join(threadRoom(threadId));
    (ack as Ack)({ ok: true, ...changes });
  });

  socket.on("thread:leave", (payload: unknown) => {
    void socket.leave(threadRoom(String(field(payload, "threadId") ?? "")));
  });

  // "X is writing…": only to others in a room the socket was allowed into.
  socket.on("thread:typing", (payload: unknown) => {
    const threadId = String(field(payload, "threadId") ?? "");
    const room = threadRoom(threadId);
    if (!socket.rooms.has(room)) return;
    socket.to(room).emit("thread:typing", { threadId, user: { id: user.id, name: user.name } });
  });

  // The reader saw posts up to this number while the page was open.
  socket.on("thread:read", async (payload: unknown) => {
    const threadId = String(field(payload, "threadId") ?? "");
    const number = Number(field(payload, "number"));
    if (!socket.rooms.has(threadRoom(threadId)) || !Number.isInteger(number) || number < 1) return;
    const thread = await db.thread.findUnique({ where: { id: threadId }, select: { postCount: true } });
    if (!thread) return;
    const upTo = Math.min(number, thread.postCount);
    await markRead(user.id, threadId, upTo);
    await markThreadNotificationsRead(user.id, threadId, upTo);
  });
}

/** After threads stop being shared, sockets of people outside the owning organisation leave their rooms. */
export async function dropPartnerReaders(io: Server, threadIds: string[], organisationId: string): Promise<void> {
  for (const threadId of threadIds) {
    const room = threadRoom(threadId);
    const sockets = await io.in(room).fetchSockets();
    if (!sockets.length) continue;
    const userIds = [...new Set(sockets.map((s) => (s.data.user as SocketUser).id))];
    const members = await db.membership.findMany({ where: { organisationId, userId: { in: userIds } }, select: { userId: true } });
    const allowed = new Set(members.map((m) => m.userId));
    for (const socket of sockets) if (!allowed.has((socket.data.user as SocketUser).id)) socket.leave(room);
  }
}

/** A member removed from an organisation stops receiving its threads; pages rejoin only through the checked join. */
export async function leaveAllThreadRooms(io: Server, userId: string): Promise<void> {
  const sockets = await io.in(`user:${userId}`).fetchSockets();
  for (const socket of sockets) for (const room of socket.rooms) if (room.startsWith("thread:")) socket.leave(room);
}
