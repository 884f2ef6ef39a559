import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createAppServer } from "../../server/app.ts";
import { tuneSqlite } from "../../server/database.ts";
import { sessionSecret } from "../../app/config.server.ts";
import { db } from "../../app/db.server.ts";

// The app in a process of its own, for the load row: what server/index.ts
// does in production, on the bench's database, which is already migrated (a
// second `prisma migrate deploy` while the bench holds the file open fails).
// The parent passes NODE_ENV, DATABASE_URL and DATA_DIR in the environment.

const ROOT = path.resolve(import.meta.dirname, "../..");

await tuneSqlite(db);
sessionSecret();
const build = await import(pathToFileURL(path.join(ROOT, "build/index.js")).href);
const { httpServer, io } = createAppServer({ build, mode: "production", publicDir: path.join(ROOT, "public") });
httpServer.listen(0, "127.0.0.1", () => console.log(`listening on ${(httpServer.address() as AddressInfo).port}`));

process.once("SIGTERM", () => {
  io.close(() => void db.$disconnect().then(() => process.exit(0)));
  httpServer.closeAllConnections();
});
