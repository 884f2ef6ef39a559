import path from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, machine, textTable, updateDocs, writeJson } from "./support/report.ts";
import type { Bench, Row } from "./support/types.ts";

// npm run bench [-- --json <file>] [--only name,name] [--no-docs] [--rebuild]
//
// Each row is a module that measures the app and a baseline side by side in
// this run (see docs/benchmarks.md). Rows are loaded only after the
// environment has set DATABASE_URL and NODE_ENV, since app modules read them
// when first imported.

const ROWS = ["thread-page", "reply-fanout", "search", "import", "load-start-page", "thread-page-js", "soak"] as const;

const { values } = parseArgs({
  options: {
    json: { type: "string" },
    only: { type: "string" },
    "no-docs": { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const log = (message: string) => process.stderr.write(`${message}\n`);

if (values.help) {
  log("npm run bench [-- --json <file>] [--only <row,row>] [--no-docs] [--rebuild]");
  log(`rows: ${ROWS.join(", ")}`);
  process.exit(0);
}

const only = values.only?.split(",").map((name) => name.trim()).filter(Boolean);
const unknown = only?.filter((name) => !(ROWS as readonly string[]).includes(name)) ?? [];
if (unknown.length) throw new Error(`Unknown row(s): ${unknown.join(", ")}. Known: ${ROWS.join(", ")}`);
const selected = ROWS.filter((name) => !only || only.includes(name));

const started = Date.now();
const { startEnvironment } = await import("./support/environment.ts");
const environment = await startEnvironment({ rebuild: values.rebuild, log });
log(`App at ${environment.url} (setup ${((Date.now() - started) / 1000).toFixed(1)} s)`);

const rows: Row[] = [];
try {
  for (const name of selected) {
    const bench = (await import(`./${name}.ts`)).default as Bench;
    const rowStarted = Date.now();
    log(`${bench.name}: ${bench.description}`);
    const result = await bench.run(environment);
    rows.push(...(Array.isArray(result) ? result : [result]));
    log(`  done in ${((Date.now() - rowStarted) / 1000).toFixed(1)} s`);
  }
} finally {
  await environment.close();
}

const when = new Date();
const m = machine();
process.stdout.write(`\n${textTable(rows)}\n\n${when.toISOString()} · ${describeMachine(m)} · ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

if (values.json) {
  writeJson(values.json, rows);
  log(`Wrote ${values.json}`);
}
if (only) log("Not updating docs/benchmarks.md: it holds the table of a full run.");
else if (!values["no-docs"]) {
  updateDocs(path.join(root, "docs/benchmarks.md"), rows, when, m);
  log("Updated docs/benchmarks.md");
}
