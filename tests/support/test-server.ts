import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { io as connectSocket, type Socket } from "socket.io-client";
import { backgroundSettled } from "../../app/live/background.server.ts";
import { createAppServer, type AppServer } from "../../server/app.ts";

export type TestServer = AppServer & { url: string; close: () => Promise<void> };

/** The app's own server (express + Remix build + socket.io) on a free port (or `port`, to restart it), on this file's database. */
export async function startTestServer(port = 0): Promise<TestServer> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const server = createAppServer({ build, mode: "production" });
  await new Promise<void>((resolve) => server.httpServer.listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.httpServer.address() as AddressInfo;
  return {
    ...server,
    url: `http://127.0.0.1:${listening}`,
    // The server keeps connections for 65 s between requests (server/app.ts), and fetch keeps
    // them as long as the server says: end them, or closing waits for the client to give up.
    // Closing sockets starts work that nothing awaits (marking people away from a session):
    // wait for it, or it runs into the test's database being closed and dropped.
    close: async () => {
      await new Promise<void>((resolve) => {
        server.io.close(() => resolve());
        server.httpServer.closeAllConnections();
      });
      await backgroundSettled();
    },
  };
}

/**
 * A minimal browser: keeps cookies, sends our Origin on writes the way a
 * browser does, and does not follow redirects so tests can see them.
 */
export class Client {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private origin: string = baseUrl,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      const expired = attributes.some((a) => /max-age=0$/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  async get(pathname: string): Promise<Response> {
    const response = await fetch(new URL(pathname, this.baseUrl), {
      headers: { cookie: this.cookieHeader },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  async post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(pathname, this.baseUrl), {
      method: "POST",
      headers: { cookie: this.cookieHeader, origin: this.origin, ...headers },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** A multipart form post, as a browser sends a file upload. */
  async upload(pathname: string, fields: Record<string, string | Blob>): Promise<Response> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const response = await fetch(new URL(pathname, this.baseUrl), {
      method: "POST",
      headers: { cookie: this.cookieHeader, origin: this.origin },
      body,
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.post("/login", { email, password });
  }

  /** A client already signed in; fails loudly if sign-in does not succeed. */
  static async signedIn(baseUrl: string, email: string, password: string): Promise<Client> {
    const client = new Client(baseUrl);
    const response = await client.signIn(email, password);
    if (response.status !== 302) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
    return client;
  }

  /** A socket.io client that presents this client's cookies, as the browser would. */
  socket(): Socket {
    return connectSocket(this.baseUrl, {
      transports: ["websocket"],
      extraHeaders: { cookie: this.cookieHeader, origin: this.origin },
      reconnection: false,
      forceNew: true,
    });
  }
}

/** Resolve with the first value of `event` that satisfies `matches`. */
export function nextEvent<T>(socket: Socket, event: string, matches: (value: T) => boolean = () => true, timeoutMs = 5000) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`No matching "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (value: T) => {
      if (!matches(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });
}
