import pg, { type QueryResult } from "pg";

const NAME_OID = 19;
const TEXT_OID = 25;

/**
 * Prisma's PostgreSQL driver adapter cannot map columns of the catalog type
 * `name`, which `prisma migrate` reads (prisma/orm#27403). They hold plain
 * text, so the pool reports them as `text`.
 */
class Pool extends pg.Pool {
  // The adapter calls the promise form; callback forms pass through untouched.
  query(...args: unknown[]): never {
    const result = (pg.Pool.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (!(result instanceof Promise)) return result as never;
    return result.then((value: QueryResult) => {
      for (const field of value?.fields ?? []) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
      return value;
    }) as never;
  }
}

/** A connection pool for PostgreSQL, small enough for several app nodes on one server. */
export function postgresPool(url: string): pg.Pool {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  // An idle connection the server closes (a restart, a failover) is dropped and replaced, not a crash.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  return pool;
}
