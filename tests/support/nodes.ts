import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createConnection, createServer, type AddressInfo, type Server, type Socket as NetSocket } from "node:net";
import path from "node:path";
import { io as connectSocket, type Socket, type SocketOptions, type ManagerOptions } from "socket.io-client";
import type { Client } from "./test-server.ts";

// Real app processes (`npm run start:prod`'s `node --import tsx server/index.ts`),
// as an operator runs several of them behind a load balancer.

/**
 * The database every node of a test shares: this test file's own SQLite copy
 * (WAL lets several processes use it). Switching the multi-node tests to
 * PostgreSQL is a change here only.
 */
export function sharedDatabaseUrl(): string {
  return process.env.DATABASE_URL!;
}

/** The Redis the nodes share; these tests need one and fail without it rather than skip. */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      "TEST_REDIS_URL is not set. The multi-node tests need a real Redis: run `scripts/services.sh start` and export the TEST_REDIS_URL it prints (redis://127.0.0.1:63799).",
    );
  }
  return url;
}

export type Node = {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type Settings = { DATABASE_URL: string; DATA_DIR: string } & Record<string, string>;

/** Settings every node of one test shares, as a deployment's would. */
export function clusterSettings(redisUrl: string | null): Settings {
  return {
    NODE_ENV: "production",
    DATABASE_URL: sharedDatabaseUrl(),
    // One data folder for all nodes (pending uploads, as docs/decisions/0012-several-nodes.md asks).
    DATA_DIR: mkdtempSync(path.join(process.env.DATA_DIR!, "nodes-")),
    SESSION_SECRET: randomUUID(),
    APP_URL: "http://larloop.test",
    ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `larloop-test-${randomUUID()}` } : {}),
  };
}

const started: Node[] = [];

/** Start one app process on a free port; resolves once it listens. */
export function startNode(name: string, settings: Record<string, string>): Promise<Node> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, ...settings, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node ${name} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/running at http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[1]);
        const node = { name, port, url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
        started.push(node);
        resolve(node);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`node ${name} exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
}

/** Kill whatever a test left running. */
export async function stopAllNodes(): Promise<void> {
  await Promise.all(
    started.splice(0).map(async (node) => {
      if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill("SIGKILL");
      await node.exited;
    }),
  );
}

/**
 * A socket as the browser's (app/live/live-context.tsx) opens it: it
 * reconnects by itself after a lost connection. WebSocket only, like the
 * other tests' sockets (the browser starts with long-polling, which is why
 * the load balancer must be sticky; see decision 0012).
 */
export function reconnectingSocket(client: Client, url: string = client.baseUrl, options: Partial<ManagerOptions & SocketOptions> = {}): Socket {
  return connectSocket(url, {
    transports: ["websocket"],
    extraHeaders: { cookie: client.cookieHeader, origin: url },
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    ...options,
  });
}

/** A socket of `client`'s session opened on another node than the one it signed in through. */
export function socketOn(node: Node, client: Client): Socket {
  return reconnectingSocket(client, node.url, { reconnection: false });
}

/**
 * The smallest load balancer: a TCP proxy that sends each new connection to
 * the first node that accepts one, so a node that is down is passed over (as
 * HAProxy or nginx do after a refused connection). Existing connections are
 * not moved: when their node dies they break, and clients reconnect.
 */
export class LoadBalancer {
  private server: Server = createServer((socket) => this.forward(socket));
  private open = new Set<NetSocket>();
  /** The node port each accepted connection went to, in order. */
  readonly routed: number[] = [];

  constructor(private ports: number[]) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  private forward(downstream: NetSocket, candidates = [...this.ports]): void {
    const port = candidates.shift();
    if (port === undefined) return void downstream.destroy();
    downstream.pause();
    const upstream = createConnection({ host: "127.0.0.1", port });
    let connected = false;
    upstream.once("error", () => {
      if (!connected) this.forward(downstream, candidates);
    });
    upstream.once("connect", () => {
      connected = true;
      this.routed.push(port);
      for (const socket of [upstream, downstream]) {
        this.open.add(socket);
        socket.once("close", () => this.open.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      upstream.once("close", () => downstream.destroy());
      downstream.once("close", () => upstream.destroy());
      downstream.pipe(upstream);
      upstream.pipe(downstream);
      downstream.resume();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
