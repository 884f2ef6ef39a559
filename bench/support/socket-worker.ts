import { parentPort } from "node:worker_threads";
import { io as connectSocket, type Socket } from "socket.io-client";

// The listening side of a fan-out: many socket.io clients in a worker thread,
// so that decoding 200 copies of each message runs beside the server rather
// than on its event loop. Each delivery is timed on the process-wide
// monotonic clock (process.hrtime), which the main thread shares.

export type ConnectCommand = {
  cmd: "connect";
  group: string;
  url: string;
  count: number;
  /** Cookie headers to spread over the sockets, round robin; none for an open server. */
  cookies: string[];
  origin?: string;
  join: { event: string; payload: unknown };
  /** The event whose deliveries are counted; keyed by the number `keyOf` finds in the payload. */
  listen: string;
};
export type Command = ConnectCommand | { cmd: "close" };

export type WorkerMessage =
  | { type: "connected"; group: string; ms: number }
  | { type: "delivered"; group: string; key: number; firstAt: number; lastAt: number; bytes: number; sample: unknown }
  | { type: "error"; message: string }
  | { type: "closed" };

const port = parentPort!;
const sockets: Socket[] = [];
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** The post number of a "thread:post" payload ({ threadId, post: { number } }). */
function keyOf(payload: unknown): number {
  const post = (payload as { post?: { number?: unknown } } | null)?.post;
  return typeof post?.number === "number" ? post.number : Number.NaN;
}

function open(command: ConnectCommand, index: number): Promise<Socket> {
  const cookie = command.cookies.length ? command.cookies[index % command.cookies.length] : undefined;
  const extraHeaders: Record<string, string> = {};
  if (cookie) extraHeaders.cookie = cookie;
  if (command.origin) extraHeaders.origin = command.origin;
  const socket = connectSocket(command.url, { transports: ["websocket"], extraHeaders, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect_error", (error) => reject(new Error(`${command.group} socket ${index}: ${error.message}`)));
    socket.once("connect", async () => {
      const reply = (await socket.timeout(10_000).emitWithAck(command.join.event, command.join.payload)) as { ok?: boolean; error?: string };
      if (!reply?.ok) reject(new Error(`${command.group} socket ${index} could not join: ${JSON.stringify(reply)}`));
      else resolve(socket);
    });
  });
}

async function connectGroup(command: ConnectCommand) {
  const started = nowMs();
  const deliveries = new Map<number, { count: number; firstAt: number }>();
  const listener = (payload: unknown) => {
    const at = nowMs();
    const key = keyOf(payload);
    const seen = deliveries.get(key) ?? { count: 0, firstAt: at };
    seen.count++;
    deliveries.set(key, seen);
    if (seen.count === command.count) {
      deliveries.delete(key);
      const message: WorkerMessage = {
        type: "delivered",
        group: command.group,
        key,
        firstAt: seen.firstAt,
        lastAt: at,
        bytes: Buffer.byteLength(JSON.stringify(payload)),
        sample: payload,
      };
      port.postMessage(message);
    }
  };
  // A few at a time, as tabs open over a moment rather than in one instant.
  const BATCH = 20;
  for (let i = 0; i < command.count; i += BATCH) {
    const batch = await Promise.all(Array.from({ length: Math.min(BATCH, command.count - i) }, (_, j) => open(command, i + j)));
    for (const socket of batch) socket.on(command.listen, listener);
  }
  port.postMessage({ type: "connected", group: command.group, ms: nowMs() - started } satisfies WorkerMessage);
}

port.on("message", (command: Command) => {
  if (command.cmd === "connect") {
    connectGroup(command).catch((error: Error) => port.postMessage({ type: "error", message: error.message } satisfies WorkerMessage));
  } else if (command.cmd === "close") {
    for (const socket of sockets.splice(0)) socket.disconnect();
    port.postMessage({ type: "closed" } satisfies WorkerMessage);
    port.close();
  }
});
