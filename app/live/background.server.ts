// Work a socket event starts and nothing awaits: announcing presence, marking
// someone away, making sockets leave rooms. With several nodes it asks the
// others over Redis and can time out; a failure is logged instead of taking
// the process down as an unhandled rejection, and a shutdown waits for what
// is still running before it closes the adapter and the database.

const running = new Set<Promise<void>>();

export function inBackground(what: string, work: Promise<unknown>): void {
  const tracked: Promise<void> = work
    .then(
      () => undefined,
      (error: unknown) => console.error(`[live] ${what} failed:`, error),
    )
    .finally(() => running.delete(tracked));
  running.add(tracked);
}

/** Resolves once nothing started with `inBackground` is running, including work started meanwhile. */
export async function backgroundSettled(): Promise<void> {
  while (running.size) await Promise.all(running);
}
