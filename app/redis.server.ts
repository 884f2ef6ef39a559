import type { createClient } from "redis";

// Several app processes behind a load balancer share one Redis, named by
// REDIS_URL: socket.io's adapter sends room events between them through it
// (server/redis.ts) and sign-in limits count in it, so that a limit holds
// across nodes. Without REDIS_URL everything stays in this process.

export type Redis = ReturnType<typeof createClient>;

// node-redis weighs ~20 MB: loaded only when this process uses Redis.
const redisModule = process.env.REDIS_URL ? await import("redis") : null;

declare global {
  // One command connection per process: the server and the Remix build are
  // separate module graphs, so it lives on globalThis (as the database client does).
  var __larloopRedis: Redis | null | undefined;
}

/** Keys and channels of this instance start with it, so that instances (or test runs) can share a Redis. */
export function redisKeyPrefix(): string {
  return process.env.REDIS_KEY_PREFIX || "larloop";
}

/** The process's command connection, or null without REDIS_URL. server/index.ts connects it before listening. */
export function redis(): Redis | null {
  if (globalThis.__larloopRedis === undefined) {
    const url = process.env.REDIS_URL;
    globalThis.__larloopRedis = url && redisModule ? redisModule.createClient({ url }) : null;
  }
  return globalThis.__larloopRedis;
}
