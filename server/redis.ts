import type { Server } from "socket.io";
import { redis, redisKeyPrefix, type Redis } from "../app/redis.server.ts";

const CONNECT_TIMEOUT_MS = 10_000;

function connected(client: Redis): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis (REDIS_URL) did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  return Promise.race([client.connect(), timeout]).finally(() => clearTimeout(timer));
}

/**
 * With REDIS_URL: connect this process's Redis clients and put socket.io on
 * the Redis adapter, so that room emits, fetchSockets, disconnectSockets and
 * socketsLeave reach the sockets of every node. Call before listening.
 * Returns what closes the clients again, or null without REDIS_URL.
 */
export async function shareAcrossNodes(io: Server): Promise<(() => Promise<void>) | null> {
  const pub = redis();
  if (!pub) return null;
  const { createAdapter } = await import("@socket.io/redis-adapter");
  // A subscribed connection can do nothing else, so the adapter listens on its own one.
  const sub = pub.duplicate();
  // node-redis reconnects by itself; without a listener an "error" would end the process.
  const logError = (error: Error) => console.error(`[redis] ${error.message}`);
  pub.on("error", logError);
  sub.on("error", logError);
  const destroy = () => {
    for (const client of [pub, sub]) {
      client.destroy();
      client.off("error", logError);
    }
  };
  try {
    await Promise.all([connected(pub), connected(sub)]);
  } catch (error) {
    destroy();
    throw error;
  }
  const close = async () => {
    // Commands still queued are sent first, unless Redis is gone: then give up after a moment.
    const graceful = Promise.allSettled([pub, sub].filter((client) => client.isOpen).map((client) => client.close()));
    await Promise.race([graceful, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    destroy();
  };
  io.adapter(createAdapter(pub, sub, { key: `${redisKeyPrefix()}:socket.io` }));
  return close;
}
