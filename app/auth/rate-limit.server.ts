import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// In-process counters: enough for one node. A multi-node deployment moves
// these to a shared store (issue 7).
type Limit = { points: number; duration: number };

const LIMITS = {
  // Failed sign-ins per account: 5 in 15 minutes, then wait out the window.
  // The window always ends, so an attacker cannot lock a known user out for good.
  signInAccount: { points: 5, duration: 15 * 60 },
  // Failed sign-ins per client address, across accounts.
  signInAddress: { points: 30, duration: 15 * 60 },
  signUpAddress: { points: 20, duration: 60 * 60 },
  passwordResetAccount: { points: 3, duration: 60 * 60 },
  passwordResetAddress: { points: 20, duration: 60 * 60 },
} satisfies Record<string, Limit>;

type LimitName = keyof typeof LIMITS;

const limiters = Object.fromEntries(
  Object.entries(LIMITS).map(([name, limit]) => [name, new RateLimiterMemory(limit)]),
) as Record<LimitName, RateLimiterMemory>;

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
