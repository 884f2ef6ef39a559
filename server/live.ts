import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { checkSessionCookie, isSameOrigin } from "../app/auth/lucia.server.ts";
import { onAccessEvent } from "../app/live/access-events.server.ts";
import { backgroundSettled, inBackground } from "../app/live/background.server.ts";
import { networkRoom, onLiveEvent, organisationRoom } from "../app/live/live-events.server.ts";
import { dropNetworkReaders, joinNetworkRooms } from "../app/networks/live.server.ts";
import { handlePresence, joinOrganisationRooms, leaveOrganisationRoom } from "../app/live/presence.server.ts";
import { handleSessionSockets } from "../app/sessions/live.server.ts";
import { dropPartnerReaders, handleThreadSockets, leaveAllThreadRooms } from "../app/threads/live.server.ts";

/**
 * The live channel on the app's own port. Every socket must carry a valid
 * session cookie and come from our own origin; otherwise it is refused.
 */
export function attachLiveChannel(httpServer: HttpServer): Server {
  // A tab that vanishes without closing (a crashed browser, a lost network)
  // is dropped from presence within about 15 seconds.
  const io = new Server(httpServer, { serveClient: false, pingInterval: 10_000, pingTimeout: 5_000 });

  io.use(async (socket, next) => {
    const { headers } = socket.request;
    // Browsers send Origin on every cross-origin request and on WebSocket
    // upgrades, but not on same-origin polling GETs: refuse a foreign one.
    if (headers.origin && !isSameOrigin(headers.origin, headers.host)) return next(new Error("forbidden origin"));
    try {
      const secure = (socket.request.socket as { encrypted?: boolean }).encrypted === true;
      const { user, session } = await checkSessionCookie(headers.cookie, secure, false);
      if (!user || !session) return next(new Error("unauthorized"));
      socket.data.user = { id: user.id, name: user.name };
      socket.data.sessionId = session.id;
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  // With the Redis adapter these reach the sockets on every node, not only this one's.
  const unsubscribe = onAccessEvent((event) => {
    if (event.type === "threads-unshared") inBackground("dropping partner readers", dropPartnerReaders(io, event.threadIds, event.organisationId));
    else if (event.type === "network-left") inBackground("dropping network readers", dropNetworkReaders(io, event));
    else if (event.type === "network-joined") io.in(organisationRoom(event.organisationId)).socketsJoin(networkRoom(event.networkId));
    else if (event.type === "session-ended") io.in(`session:${event.sessionId}`).disconnectSockets(true);
    else if (event.type === "user-signed-out-everywhere") io.in(`user:${event.userId}`).disconnectSockets(true);
    else {
      inBackground("leaving thread rooms", leaveAllThreadRooms(io, event.userId));
      inBackground("leaving an organisation room", leaveOrganisationRoom(io, event.userId, event.organisationId));
    }
  });
  const unsubscribeLive = onLiveEvent(({ room, event, payload }) => io.to(room).emit(event, payload));
  httpServer.once("close", () => {
    unsubscribe();
    unsubscribeLive();
  });

  io.on("connection", (socket) => {
    // Rooms for ending access live: per session (sign-out) and per user.
    void socket.join([`session:${socket.data.sessionId}`, `user:${socket.data.user.id}`]);
    handlePresence(io, socket);
    handleThreadSockets(socket);
    handleSessionSockets(io, socket);
    inBackground("joining organisation rooms", joinOrganisationRooms(io, socket));
    inBackground("joining network rooms", joinNetworkRooms(socket));
  });

  return io;
}

/**
 * Close every socket of this node as a lost connection would (no "disconnect"
 * packet, so browsers reconnect, to another node), wait for the work their
 * leaving starts (presence, "away" in sessions: it may ask other nodes), then
 * stop the adapter.
 */
export async function closeLiveChannel(io: Server): Promise<void> {
  io.engine.close();
  await backgroundSettled();
  await io.of("/").adapter.close();
}
