import { db, onPostgres } from "../../app/db.server.ts";

/**
 * Makes the database refuse every INSERT or UPDATE on a table, as a full disk
 * would, in the dialect of the database the suite runs on. Returns the undo.
 */
export async function refuseWrites(table: string, event: "INSERT" | "UPDATE"): Promise<() => Promise<void>> {
  const name = `refuse_${table.toLowerCase()}_${event.toLowerCase()}`;
  if (onPostgres) {
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}
