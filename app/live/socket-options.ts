import type { ManagerOptions, SocketOptions } from "socket.io-client";

/**
 * How every browser tab connects to the live channel. After a lost connection
 * (a deploy, a restart, a network change) socket.io tries again after about
 * 1 s, then 2 s, 4 s … up to 10 s, each delay moved at random by up to half
 * of itself, so that the tabs of a whole region do not all come back in the
 * same instant when a node restarts. Tests import these, not a copy.
 */
export const LIVE_SOCKET_OPTIONS = {
  withCredentials: true,
  // Closing on unload tells colleagues at once that this tab has gone.
  closeOnBeforeunload: true,
  reconnection: true,
  reconnectionAttempts: Infinity,
  reconnectionDelay: 1000,
  reconnectionDelayMax: 10_000,
  randomizationFactor: 0.5,
} satisfies Partial<ManagerOptions & SocketOptions>;
