// `npm run backup -- <file>`: a consistent copy of the configured database (DATABASE_URL), taken while Lärloop runs.
import { backupDatabase, BackupError } from "../app/backup/backup.server.ts";

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length > 0) {
  console.error("Usage: npm run backup -- <file>   (e.g. backups/larloop-2026-12-07.db, or .dump on PostgreSQL)");
  process.exit(1);
}
try {
  console.info(await backupDatabase(file));
} catch (error) {
  console.error(`Backup failed: ${error instanceof BackupError ? error.message : (error as Error).stack}`);
  process.exit(1);
}
