import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatNumber } from "./stats.ts";
import type { Row } from "./types.ts";

export type Machine = { cpu: string; cores: number; ramGiB: number; node: string; platform: string };

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export const describeMachine = (m: Machine) => `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.platform}`;

const ratioCell = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : "–");

function cells(row: Row): string[] {
  return [row.name, formatNumber(row.value), formatNumber(row.baseline), ratioCell(row.ratio), row.unit, row.detail ?? ""];
}

const HEADINGS = ["name", "value", "baseline", "ratio", "unit", "detail"];

/** The table for the terminal: aligned columns, numbers right-aligned. */
export function textTable(rows: Row[]): string {
  const lines = [HEADINGS, ...rows.map(cells)];
  const widths = HEADINGS.map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  const numeric = new Set([1, 2, 3]);
  return lines
    .map((line) =>
      line
        .map((cell, i) => (i === line.length - 1 ? cell : numeric.has(i) && line !== lines[0] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function markdownTable(rows: Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${HEADINGS.join(" | ")} |`,
    "| --- | ---: | ---: | ---: | --- | --- |",
    ...rows.map((row) => `| ${cells(row).map(escape).join(" | ")} |`),
  ].join("\n");
}

/** The rows as `npm run bench -- --json <file>` writes them. */
export function writeJson(file: string, rows: Row[]): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const plain = rows.map(({ name, value, baseline, ratio, unit }) => ({ name, value, baseline, ratio, unit }));
  writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

const INTRO = `# Benchmarks

\`npm run bench\` measures what a reader of Lärloop waits for, next to the
least this machine can do for the same bytes, in the same run. Each row's
*ratio* is the app's figure over its baseline (the baseline's over the app's
for requests a second, where more is better): 1× would be as fast as a bare
server can be here, above 1× is slower, and the ratio stays comparable
between a laptop and a server where the raw milliseconds do not.

The bench runs the app the way \`npm run start:prod\` does (production Remix
build, express, socket.io, WAL-mode SQLite) in one process, on a fresh database
in a temporary folder, and removes everything afterwards. It builds the app
first if \`build/index.js\` is missing or older than \`app/\`.

    npm run bench                      # all rows; updates the table below
    npm run bench -- --json out.json   # also write [{name, value, baseline, ratio, unit}]
    npm run bench -- --only reply-fanout   # some rows; leaves this file alone
    npm run bench -- --no-docs --rebuild   # force a fresh build, keep this file

## Rows

- **thread-page**, **thread-page-last**: a signed-in member loads the first
  and the last page (\`?page=20\`) of a thread of 1 000 posts of about 400
  characters (50 posts a page). Server time from request to last byte, over a
  keep-alive connection, uncompressed (no Accept-Encoding). Baseline: a bare
  \`node:http\` server answering the very status, headers and bytes captured
  from the app. 30 warm-up then 200 sequential requests each, app and bare
  interleaved; value and baseline are medians, p99 in the detail.
- **reply-fanout**: a member posts a reply through the thread page's action
  (\`?_data=\` request, as the reply form's fetcher sends it) while 200 sockets
  (10 signed-in members, 20 tabs each) are in the thread's room. Time from
  sending the POST until the last of the 200 has received \`thread:post\`.
  Baseline: a bare socket.io server (same version, same options) emitting a
  payload of the same size to 200 sockets in a room, from emit to the last
  receipt. The 400 client sockets run in a worker thread; 5 warm-up then 60
  replies, interleaved with 60 bare broadcasts. The app's write limit (300
  writes a minute per address, server/app.ts) is not reached: the bench makes
  about 80 writes (12 sign-ins, 65 replies), so no switch is needed.

- **search**, **search-rare**: the app's \`search()\` over 100 000 lessons,
  a common and a rare word, against the same FTS5 MATCH on better-sqlite3.
- **import**: \`importProjects()\` of a 10 000-row Nyps CSV against batched
  INSERTs of the same rows on better-sqlite3.
- **load-start-page**, **-p99**, **-rss**: the signed-in start page under
  autocannon (50 connections, 10 s) against a bare node:http server; p99 and
  the server process's peak RSS against the targets (100 ms, 300 MB).
- **thread-page-js**: the JavaScript a thread page loads, gzipped, against
  the sign-in page's.

Each row is a module \`bench/<name>.ts\` listed in \`bench/run.ts\`.
`;

/** Write the results into docs/benchmarks.md, keeping whatever is written around them. */
export function updateDocs(file: string, rows: Row[], when: Date, m: Machine): void {
  const results = [
    START,
    "## Latest run",
    "",
    `${when.toISOString().slice(0, 16).replace("T", " ")} UTC on ${describeMachine(m)}.`,
    "",
    markdownTable(rows),
    END,
  ].join("\n");
  let text = existsSync(file) ? readFileSync(file, "utf8") : `${INTRO}\n${START}\n${END}\n`;
  if (!text.includes(START) || !text.includes(END)) text = `${text.trimEnd()}\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${before}${results}${after}`);
}
