import { Worker } from "node:worker_threads";
import type { ConnectCommand, WorkerMessage } from "./socket-worker.ts";

type Delivered = Extract<WorkerMessage, { type: "delivered" }>;

/**
 * Many socket.io clients in a worker thread (see socket-worker.ts). Node 20
 * does not pass `--import tsx` on to workers, so the worker registers tsx
 * itself before loading its TypeScript.
 */
export class SocketClients {
  private worker: Worker;
  private waiting = new Map<string, { resolve: (d: Delivered) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private connecting = new Map<string, { resolve: (ms: number) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor() {
    const entry = new URL("./socket-worker.ts", import.meta.url).href;
    this.worker = new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
    this.worker.on("message", (message: WorkerMessage) => this.receive(message));
    this.worker.on("error", (error) => this.fail(error));
  }

  private fail(error: Error) {
    this.failure = error;
    for (const pending of [...this.waiting.values(), ...this.connecting.values()]) pending.reject(error);
    this.waiting.clear();
    this.connecting.clear();
  }

  private receive(message: WorkerMessage) {
    if (message.type === "error") this.fail(new Error(message.message));
    else if (message.type === "connected") {
      this.connecting.get(message.group)?.resolve(message.ms);
      this.connecting.delete(message.group);
    } else if (message.type === "delivered") {
      const id = `${message.group}:${message.key}`;
      const pending = this.waiting.get(id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.waiting.delete(id);
      pending.resolve(message);
    }
  }

  /** Open `count` sockets, each joined to its room; resolves with the milliseconds it took. */
  connect(command: Omit<ConnectCommand, "cmd">): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.connecting.set(command.group, { resolve, reject });
      this.worker.postMessage({ cmd: "connect", ...command } satisfies ConnectCommand);
    });
  }

  /** Resolves when every socket of `group` has received the event keyed `key`. Call before causing it. */
  delivered(group: string, key: number, timeoutMs = 15_000): Promise<Delivered> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(`${group}:${key}`);
        reject(new Error(`Not every ${group} socket received ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(`${group}:${key}`, { resolve, reject, timer });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.worker.once("exit", () => resolve());
    });
    this.worker.postMessage({ cmd: "close" });
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await this.worker.terminate();
  }
}
