import { readFile } from "node:fs/promises";
import path from "node:path";

/** docs/api.md, or null where it is not shipped; the server runs from the repository, as it does for public/. */
export function apiDocumentation(): Promise<string | null> {
  return readFile(path.resolve("docs/api.md"), "utf8").catch(() => null);
}
