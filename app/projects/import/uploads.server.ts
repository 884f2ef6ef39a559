import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "~/config.server";

// An uploaded export waits here between preview and import, so the user can
// remap columns without uploading again, and no project row is written before
// the import. Files live in DATA_DIR/uploads/<organisation id>/ and are named
// by 128 random bits: an organisation can only reach its own uploads, and an
// id cannot be guessed. A successful import deletes its file; files nobody
// imported are removed after a day, whenever the organisation uploads again.

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const ID = /^[a-f0-9]{32}$/;

const folder = (organisationId: string) => path.join(dataDir(), "uploads", organisationId.replace(/[^a-z0-9]/gi, ""));

async function pruneOld(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of names) {
    if (!ID.test(name)) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
  }
}

export async function keepUpload(organisationId: string, bytes: Uint8Array): Promise<string> {
  const dir = folder(organisationId);
  await mkdir(dir, { recursive: true });
  await pruneOld(dir);
  const id = randomBytes(16).toString("hex");
  await writeFile(path.join(dir, id), bytes);
  return id;
}

export async function readUpload(organisationId: string, id: string): Promise<Uint8Array | null> {
  if (!ID.test(id)) return null;
  try {
    return new Uint8Array(await readFile(path.join(folder(organisationId), id)));
  } catch {
    return null;
  }
}

export async function discardUpload(organisationId: string, id: string): Promise<void> {
  if (ID.test(id)) await rm(path.join(folder(organisationId), id), { force: true });
}
