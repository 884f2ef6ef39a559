// Admin commands: `npm run cli -- <command> …`. See README.md.
//
//   import-projects <file> --org <organisation-slug> [--mapping <mapping.json>] [--dry-run]
//
// Exit 0 with a one-line summary; exit 1 with one `row N: <column>: <problem>`
// line per problem (row 1 is the header) and nothing written; exit 2 on wrong
// usage (unknown organisation, unreadable file or mapping).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../server/database.ts";

const USAGE = "Usage: npm run cli -- import-projects <file> --org <organisation-slug> [--mapping <mapping.json>] [--dry-run]";

type Output = { out: string[]; err: string[]; code: number };
const fail = (code: number, ...err: string[]): Output => ({ out: [], err, code });

async function importProjectsCommand(args: string[]): Promise<Output> {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args,
      allowPositionals: true,
      options: { org: { type: "string" }, mapping: { type: "string" }, "dry-run": { type: "boolean", default: false } },
    });
  } catch (error) {
    return fail(2, (error as Error).message, USAGE);
  }
  const { values, positionals } = parsedArgs;
  const [file, ...extra] = positionals;
  if (!file || extra.length || !values.org) return fail(2, USAGE);

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    return fail(2, `${file}: ${(error as Error).message}`);
  }

  // The mapping file: {"field": "Header name"}; fields left out are not imported.
  const { MappingSchema, IMPORT_FIELDS } = await import("../app/projects/import/nyps-mapping.ts");
  let mapping;
  if (values.mapping) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.mapping, "utf8"));
    } catch (error) {
      return fail(2, `${values.mapping}: ${(error as Error).message}`);
    }
    const parsed = MappingSchema.safeParse(json);
    if (!parsed.success) {
      return fail(2, `${values.mapping}: not a mapping of field names to column headers, e.g. {"caseNumber": "Ärendenummer"}`, `fields: ${IMPORT_FIELDS.join(" ")}`);
    }
    mapping = parsed.data;
  }

  await migrateDatabase();
  const { db } = await import("../app/db.server.ts");
  const { importProjects, previewImport } = await import("../app/projects/import/import-projects.server.ts");
  try {
    const organisation = await db.organisation.findUnique({ where: { slug: values.org } });
    if (!organisation) return fail(2, `No organisation with the slug "${values.org}".`);
    const problemLines = (problems: { row: number; column: string; message: string }[]) =>
      problems.map((p) => `row ${p.row}: ${p.column}: ${p.message}`);

    if (values["dry-run"]) {
      const preview = await previewImport(organisation.id, bytes, mapping);
      if (preview.problems.length) return { out: problemLines(preview.problems), err: [], code: 1 };
      return { out: [`dry run: ${preview.rowCount} rows read, ${preview.creates} would be created, ${preview.updates} updated`], err: [], code: 0 };
    }
    const result = await importProjects(organisation.id, bytes, mapping);
    if (!result.ok) return { out: problemLines(result.problems), err: [], code: 1 };
    return { out: [`${result.read} rows read, ${result.created} created, ${result.updated} updated`], err: [], code: 0 };
  } catch (error) {
    // importProjects writes in one transaction: a failure leaves the database as it was.
    return fail(1, `import failed, nothing was written: ${(error as Error).message}`);
  } finally {
    await db.$disconnect();
  }
}

const write = (stream: NodeJS.WriteStream, lines: string[]) =>
  new Promise<void>((resolve) => (lines.length ? stream.write(`${lines.join("\n")}\n`, () => resolve()) : resolve()));

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<Output>> = { "import-projects": importProjectsCommand };
const output = command && commands[command] ? await commands[command](rest) : fail(2, USAGE);
await write(process.stdout, output.out);
await write(process.stderr, output.err);
process.exit(output.code);
