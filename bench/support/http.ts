import http from "node:http";
import { nowMs } from "./stats.ts";

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/**
 * One request over node:http, timed from the call to the last byte of the
 * body. No Accept-Encoding is sent, so responses come uncompressed: the rows
 * measure the server's work, not gzip.
 */
export function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const req = http.request(url, { agent, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: nowMs() - start }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A keep-alive connection per client, as a browser tab holds one. */
export const keepAliveAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * A minimal browser for the app: keeps its cookies, sends our Origin on
 * writes (the app refuses cross-origin writes), does not follow redirects.
 */
export class BenchClient {
  readonly agent = keepAliveAgent();
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(result: HttpResult) {
    const lines = result.headers["set-cookie"] ?? [];
    for (const line of lines) {
      const [pair, ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || attributes.some((a) => /max-age=0$/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(pathname: string): Promise<HttpResult> {
    const result = await request(this.agent, new URL(pathname, this.baseUrl).href, { headers: { cookie: this.cookieHeader, accept: "text/html" } });
    this.remember(result);
    return result;
  }

  async post(pathname: string, fields: Record<string, string>): Promise<HttpResult> {
    const result = await request(this.agent, new URL(pathname, this.baseUrl).href, {
      method: "POST",
      headers: { cookie: this.cookieHeader, origin: this.baseUrl, "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(result);
    return result;
  }

  static async signedIn(baseUrl: string, email: string, password: string): Promise<BenchClient> {
    const client = new BenchClient(baseUrl);
    const response = await client.post("/login", { email, password });
    if (response.status !== 302 || !client.cookieHeader) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
    return client;
  }

  close(): void {
    this.agent.destroy();
  }
}
