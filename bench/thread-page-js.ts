import { gzipSync } from "node:zlib";
import { BenchClient } from "./support/http.ts";
import { ratioOf } from "./support/stats.ts";
import type { Bench } from "./support/types.ts";
import { threadWorld } from "./support/world.ts";

// The JavaScript a browser downloads to show a thread page: every script the
// page names (Remix's modulepreload links and its inline module script) and
// everything those import statically, fetched from the app, each file
// gzipped on its own at level 9 and summed. Dynamic imports are left out:
// they are what the page fetches later, when needed (the reply editor), and
// are shown in the detail. Baseline: the same count for the sign-in page, the
// smallest page there is: the Remix and React runtime, the root route and
// the translations every page ships.

// "/build/…js" as the HTML names scripts, and static imports inside a script.
const PAGE_SCRIPTS = /["'](\/build\/[^"']+\.js)["']/g;
const STATIC_IMPORTS = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORTS = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

type Script = { url: string; bytes: number; gzip: number; text: string };

class Scripts {
  private cache = new Map<string, Promise<Script>>();
  constructor(private client: BenchClient) {}

  fetch(url: string): Promise<Script> {
    let script = this.cache.get(url);
    if (!script) {
      script = this.client.get(url).then((response) => {
        if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
        return { url, bytes: response.body.length, gzip: gzipSync(response.body, { level: 9 }).length, text: response.body.toString("utf8") };
      });
      this.cache.set(url, script);
    }
    return script;
  }

  /** The scripts and all they import statically, once each. */
  async closure(start: string[]): Promise<Script[]> {
    const found = new Map<string, Script>();
    const queue = [...start];
    while (queue.length) {
      const url = queue.shift()!;
      if (found.has(url)) continue;
      const script = await this.fetch(url);
      found.set(url, script);
      for (const [, specifier] of script.text.matchAll(STATIC_IMPORTS)) queue.push(new URL(specifier, new URL(url, "http://x")).pathname);
    }
    return [...found.values()];
  }

  /** What the scripts import dynamically, with its own static imports, minus what is already loaded. */
  async onDemand(loaded: Script[]): Promise<Script[]> {
    const have = new Set(loaded.map((s) => s.url));
    const lazy = loaded.flatMap((s) => [...s.text.matchAll(DYNAMIC_IMPORTS)].map(([, specifier]) => new URL(specifier, new URL(s.url, "http://x")).pathname));
    return (await this.closure(lazy)).filter((s) => !have.has(s.url));
  }
}

async function pageScripts(client: BenchClient, scripts: Scripts, path: string): Promise<Script[]> {
  const page = await client.get(path);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
  const named = [...new Set([...page.body.toString("utf8").matchAll(PAGE_SCRIPTS)].map(([, url]) => url))];
  if (!named.length) throw new Error(`${path} names no scripts`);
  return scripts.closure(named);
}

const sum = (scripts: Script[], key: "bytes" | "gzip") => scripts.reduce((total, s) => total + s[key], 0);
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

const threadPageJs: Bench = {
  name: "thread-page-js",
  description: "JavaScript downloaded for a thread page, KiB gzip, vs the sign-in page's",
  async run(context) {
    const world = await threadWorld(context);
    const reader = await BenchClient.signedIn(context.url, world.users[2].email, context.password);
    const visitor = new BenchClient(context.url);
    try {
      const scripts = new Scripts(visitor);
      const thread = await pageScripts(reader, scripts, world.threadPath);
      const login = await pageScripts(visitor, scripts, "/login");
      const later = await scripts.onDemand(thread);
      // The reply editor must stay out of what the page loads up front.
      const lexical = thread.filter((s) => /lexical/i.test(s.text));
      if (lexical.length) context.log(`  Lexical is in the thread page's initial JavaScript: ${lexical.map((s) => s.url).join(", ")}`);
      context.log(`  thread page: ${thread.length} files; sign-in page: ${login.length}; fetched on demand: ${later.map((s) => s.url).join(", ") || "nothing"}`);

      const value = kib(sum(thread, "gzip"));
      const baseline = kib(sum(login, "gzip"));
      return {
        name: "thread-page-js",
        value,
        baseline,
        ratio: ratioOf(value, baseline),
        unit: "KiB gzip",
        detail: `${thread.length} files, ${Math.round(sum(thread, "bytes") / 1024)} KiB raw (sign-in page ${login.length} files); Lexical in ${lexical.length} of them; reply editor on demand: +${kib(sum(later, "gzip"))} KiB gzip in ${later.length} files`,
      };
    } finally {
      reader.close();
      visitor.close();
    }
  },
};

export default threadPageJs;
