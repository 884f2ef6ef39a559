import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { redis, redisKeyPrefix } from "~/redis.server";

// Counters in Redis when several nodes share one (REDIS_URL), so that a limit
// holds whichever node a request reaches; in-process otherwise.
export type Limit = { points: number; duration: number };

/** A limiter named `name`; shared across nodes when Redis is configured. */
export function createLimiter(name: string, limit: Limit): RateLimiterAbstract {
  const client = redis();
  if (!client) return new RateLimiterMemory(limit);
  return new RateLimiterRedis({
    ...limit,
    storeClient: client,
    useRedisPackage: true,
    keyPrefix: `${redisKeyPrefix()}:limit:${name}`,
    // While Redis is unreachable, count in this process rather than wait or let everything through.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(limit),
  });
}

const LIMITS = {
  // Failed sign-ins per account: 5 in 15 minutes, then wait out the window.
  // The window always ends, so an attacker cannot lock a known user out for good.
  signInAccount: { points: 5, duration: 15 * 60 },
  // Failed sign-ins per client address, across accounts.
  signInAddress: { points: 30, duration: 15 * 60 },
  // Failed sign-ins from a browser with a device cookie for the account, instead of the two above.
  signInDevice: { points: 5, duration: 15 * 60 },
  signUpAddress: { points: 20, duration: 60 * 60 },
  passwordResetAccount: { points: 3, duration: 60 * 60 },
  passwordResetAddress: { points: 20, duration: 60 * 60 },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

const limiters = Object.fromEntries(
  Object.entries(LIMITS).map(([name, limit]) => [name, createLimiter(name, limit)]),
) as Record<LimitName, RateLimiterAbstract>;

/** Seconds until `key` may try again under `name`, or 0 if it may try now. */
export async function secondsUntilAllowed(name: LimitName, key: string): Promise<number> {
  const state = await limiters[name].get(key);
  if (!state || state.consumedPoints < LIMITS[name].points) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Count one attempt; resolves to the wait in seconds if this one went over. */
export async function countAttempt(name: LimitName, key: string): Promise<number> {
  try {
    await limiters[name].consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

export async function clearAttempts(name: LimitName, key: string): Promise<void> {
  await limiters[name].delete(key);
}

export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limited for ${retryAfterSeconds} s`);
  }
}
