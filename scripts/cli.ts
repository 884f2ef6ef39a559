// Admin commands: `npm run cli -- <command> …`. See README.md.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../server/database.ts";

const USAGE = "Usage: npm run cli -- import-projects <file> --org <organisation-slug> [--mapping <mapping.json>] [--dry-run]";

async function importProjectsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: "string" }, mapping: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const [file] = positionals;
  if (!file || !values.org) {
    console.error(USAGE);
    return 2;
  }
  await migrateDatabase();
  const { db } = await import("../app/db.server.ts");
  const { MappingSchema } = await import("../app/projects/import/nyps-mapping.ts");
  const { importProjects, previewImport } = await import("../app/projects/import/import-projects.server.ts");

  const organisation = await db.organisation.findUnique({ where: { slug: values.org } });
  if (!organisation) {
    console.error(`No organisation with the slug "${values.org}".`);
    return 2;
  }
  let mapping;
  if (values.mapping) {
    const parsed = MappingSchema.safeParse(JSON.parse(readFileSync(values.mapping, "utf8")));
    if (!parsed.success) {
      console.error(`${values.mapping}: not a mapping of field names to column headers`);
      return 2;
    }
    mapping = parsed.data;
  }
  const bytes = new Uint8Array(readFileSync(file));
  const printProblems = (problems: { row: number; column: string; message: string }[]) => {
    for (const p of problems) console.log(`row ${p.row}: ${p.column}: ${p.message}`);
  };

  if (values["dry-run"]) {
    const preview = await previewImport(organisation.id, bytes, mapping);
    if (preview.problems.length) {
      printProblems(preview.problems);
      return 1;
    }
    console.log(`dry run: ${preview.rowCount} rows read, ${preview.creates} would be created, ${preview.updates} updated`);
    return 0;
  }
  const result = await importProjects(organisation.id, bytes, mapping);
  if (!result.ok) {
    printProblems(result.problems);
    return 1;
  }
  console.log(`${result.read} rows read, ${result.created} created, ${result.updated} updated`);
  await db.$disconnect();
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { "import-projects": importProjectsCommand };
if (!command || !commands[command]) {
  console.error(USAGE);
  process.exit(2);
}
process.exit(await commands[command](rest));
