// `npm run restore -- <file>`: replaces the configured database (DATABASE_URL) with a backup. Stop Lärloop first.
import { BackupError, restoreDatabase } from "../app/backup/backup.server.ts";

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length > 0) {
  console.error("Usage: npm run restore -- <file>   (with Lärloop stopped; the current database is replaced)");
  process.exit(1);
}
try {
  console.info(await restoreDatabase(file));
} catch (error) {
  console.error(`Restore failed: ${error instanceof BackupError ? error.message : (error as Error).stack}`);
  process.exit(1);
}
