import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { checkSessionCookie, isSameOrigin } from "../app/auth/lucia.server.ts";
import { handlePresence, joinOrganisationRooms } from "../app/live/presence.server.ts";

/**
 * The live channel on the app's own port. Every socket must carry a valid
 * session cookie and come from our own origin; otherwise it is refused.
 */
export function attachLiveChannel(httpServer: HttpServer): Server {
  const io = new Server(httpServer, { serveClient: false });

  io.use(async (socket, next) => {
    const { headers } = socket.request;
    if (!isSameOrigin(headers.origin, headers.host)) return next(new Error("forbidden origin"));
    try {
      const secure = (socket.request.socket as { encrypted?: boolean }).encrypted === true;
      const { user } = await checkSessionCookie(headers.cookie, secure);
      if (!user) return next(new Error("unauthorized"));
      socket.data.user = { id: user.id, name: user.name };
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  io.on("connection", (socket) => {
    handlePresence(io, socket);
    joinOrganisationRooms(io, socket).catch((error) => console.error("[live] joining rooms failed", error));
  });

  return io;
}
