import type { Server, Socket } from "socket.io";
import { db } from "~/db.server";
import { inBackground } from "./background.server";
import { organisationRoom } from "./live-events.server";

// Presence: who in an organisation has Lärloop open right now. A user is
// online in an organisation while any of their sockets is in its room.

export type OnlineUser = { id: string; name: string };
export type SocketUser = { id: string; name: string };


async function onlineIn(io: Server, organisationId: string): Promise<OnlineUser[]> {
  const sockets = await io.in(organisationRoom(organisationId)).fetchSockets();
  const users = new Map<string, OnlineUser>();
  for (const socket of sockets) {
    const user = socket.data.user as SocketUser | undefined;
    if (user) users.set(user.id, { id: user.id, name: user.name });
  }
  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

async function announce(io: Server, organisationId: string): Promise<void> {
  io.to(organisationRoom(organisationId)).emit("presence:update", {
    organisationId,
    users: await onlineIn(io, organisationId),
  });
}

async function memberOrganisationIds(userId: string): Promise<string[]> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { organisationId: true } });
  return memberships.map((m) => m.organisationId);
}

/** Put a freshly authenticated socket in the rooms of its user's organisations. */
export async function joinOrganisationRooms(io: Server, socket: Socket): Promise<void> {
  const user = socket.data.user as SocketUser;
  const organisationIds = await memberOrganisationIds(user.id);
  await socket.join(organisationIds.map(organisationRoom));
  await Promise.all(organisationIds.map((id) => announce(io, id)));
}

/** A member removed from an organisation stops seeing its live events at once. */
export async function leaveOrganisationRoom(io: Server, userId: string, organisationId: string): Promise<void> {
  io.in(`user:${userId}`).socketsLeave(organisationRoom(organisationId));
  await announce(io, organisationId);
}

type ListReply = { ok: true; users: OnlineUser[] } | { ok: false; error: "notMember" };

export function handlePresence(io: Server, socket: Socket): void {
  const user = socket.data.user as SocketUser;

  socket.on("presence:list", (payload: unknown, reply: unknown) => {
    if (typeof reply !== "function") return;
    const organisationId = typeof payload === "object" && payload && "organisationId" in payload ? String(payload.organisationId) : "";
    const room = organisationRoom(organisationId);
    const answer = async (): Promise<ListReply> => {
      if (!socket.rooms.has(room)) {
        // Memberships can start after the socket connected (an accepted invitation).
        const member = await db.membership.count({ where: { userId: user.id, organisationId } });
        if (!member) return { ok: false, error: "notMember" };
        await socket.join(room);
        await announce(io, organisationId);
      }
      return { ok: true, users: await onlineIn(io, organisationId) };
    };
    // Unanswered if it fails (another node did not reply in time): the page keeps its list until the next update.
    inBackground("presence:list", answer().then(reply as (r: ListReply) => void));
  });

  socket.on("disconnecting", () => {
    const organisationIds = [...socket.rooms].filter((r) => r.startsWith("org:")).map((r) => r.slice(4));
    // After "disconnecting" the socket has left its rooms; announce then.
    socket.once("disconnect", () => {
      for (const id of organisationIds) inBackground("announcing presence", announce(io, id));
    });
  });
}
