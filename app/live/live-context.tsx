import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { LIVE_SOCKET_OPTIONS } from "./socket-options";

export type LiveStatus = "connecting" | "connected" | "disconnected";
type Live = { socket: Socket | null; status: LiveStatus };

const LiveContext = createContext<Live>({ socket: null, status: "disconnected" });

/**
 * One socket per signed-in browser tab, shared by every page. socket.io
 * reconnects with randomised backoff (socket-options.ts); pages with live
 * content follow the status to tell the reader in a status region.
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [live, setLive] = useState<Live>({ socket: null, status: "connecting" });

  useEffect(() => {
    if (!enabled) return;
    const socket = io(LIVE_SOCKET_OPTIONS);
    const onConnect = () => setLive({ socket, status: "connected" });
    const onDisconnect = () => setLive({ socket, status: "disconnected" });
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onDisconnect);
    setLive({ socket, status: "connecting" });
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onDisconnect);
      socket.disconnect();
    };
  }, [enabled]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);
