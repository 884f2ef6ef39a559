import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "~/config.server";

// An uploaded export waits here between preview and import, so the user can
// remap columns without uploading again. Files live under the organisation's
// own folder and are named by 128 random bits; nothing else can name them.

const folder = (organisationId: string) => path.join(dataDir(), "uploads", organisationId.replace(/[^a-z0-9]/gi, ""));

export async function keepUpload(organisationId: string, bytes: Uint8Array): Promise<string> {
  const id = randomBytes(16).toString("hex");
  await mkdir(folder(organisationId), { recursive: true });
  await writeFile(path.join(folder(organisationId), id), bytes);
  return id;
}

export async function readUpload(organisationId: string, id: string): Promise<Uint8Array | null> {
  if (!/^[a-f0-9]{32}$/.test(id)) return null;
  try {
    return new Uint8Array(await readFile(path.join(folder(organisationId), id)));
  } catch {
    return null;
  }
}

export async function discardUpload(organisationId: string, id: string): Promise<void> {
  if (/^[a-f0-9]{32}$/.test(id)) await rm(path.join(folder(organisationId), id), { force: true });
}
