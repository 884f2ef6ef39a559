// Preloaded (node --expose-gc --import tsx --import <this>) into the server
// the soak row starts, and into nothing else: asked over the IPC channel its
// parent opened, it collects garbage and answers with the process's memory.
// This keeps the measuring out of the app: no route, no flag, no code in
// server/ or app/ that production would carry.

export type MemoryReport = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("memory-probe needs node --expose-gc");
if (!process.send) throw new Error("memory-probe needs an IPC channel to its parent");

process.on("message", (message) => {
  if (message !== "memory") return;
  // Twice, a turn apart: what the first collection frees can hold further garbage
  // through finalisers and weak references that only settle on the next turn.
  gc();
  setImmediate(() => {
    gc();
    process.send?.(process.memoryUsage() satisfies MemoryReport);
  });
});
