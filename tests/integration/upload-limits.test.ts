import { request as httpRequest } from "node:http";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

/** A real XLSX with a header row, plus a part of zeros that packs to a few kilobytes and unpacks to 60 MB. */
async function zipBomb(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Projekt").addRow(["Ärendenummer", "Projektnamn", "Stödform", "Beslutat belopp"]);
  const archive = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  archive.file("xl/media/padding.bin", Buffer.alloc(60 * 1024 * 1024));
  return archive.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** A request with only headers sent, answered before any body arrives. */
function headersOnly(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.flushHeaders();
  });
}

describe("upload and body limits", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    admin = await Client.signedIn(server.url, "admin@nord.se", PASSWORD);
  });
  afterAll(() => server.close());

  it("refuses a spreadsheet that would unpack to more than 50 MB, saying so, and writes nothing", async () => {
    const bomb = await zipBomb();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const file = new File([Buffer.from(bomb)], "projekt.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const response = await admin.upload("/o/region-nord/projects/import", { file });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Excel-filen blir för stor när den packas upp (mer än 50 MB).");
    expect(await db.project.count({ where: { organisationId: world.north.id } })).toBe(0);
  });

  it("refuses a file that is neither CSV nor Excel instead of reading it as columns of garbage", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0, 1, 2, 0, 255, 0]), Buffer.from("Ärendenummer;Projektnamn\n")]);
    const response = await admin.upload("/o/region-nord/projects/import", { file: new File([pdf], "beslut.pdf", { type: "application/pdf" }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Filen gick inte att läsa som CSV eller Excel.");
  });

  it("answers a form larger than 5 MB with 413 and a page that says what the limits are", async () => {
    const member = await Client.signedIn(server.url, "member@nord.se", PASSWORD);
    const response = await member.post("/o/region-nord/lessons/new", { title: "Stor", bodyText: "ö".repeat(1_100_000), sourceType: "other", evidence: "observation", intent: "publish" });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Lärloop tar emot formulär upp till 5 MB och filer upp till 10 MB.");
    expect(await db.lesson.count({ where: { title: "Stor" } })).toBe(0);
  });

  it("answers an upload declared larger than 50 MB before reading its body, and one of unknown length with 411", async () => {
    const huge = await headersOnly(`${server.url}/o/region-nord/projects/import`, {
      origin: server.url,
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(60 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    const unknown = await headersOnly(`${server.url}/o/region-nord/projects/import`, {
      origin: server.url,
      "content-type": "multipart/form-data; boundary=x",
      "transfer-encoding": "chunked",
    });
    expect(unknown.status).toBe(411);
  });
});
