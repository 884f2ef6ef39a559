import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readTable } from "../../app/projects/import/read-table.server.ts";
import { parseAmount, parseDate, supportTypeOf } from "../../app/projects/import/validate-rows.ts";

describe("Swedish amounts", () => {
  it.each([
    ["1 234 567,50", 123456750n],
    ["325 000,5", 32500050n],
    ["95000", 9500000n],
    ["1\u00a0200\u00a0000", 120000000n],
    ["2\u202f345\u202f678,90 kr", 234567890n],
    ["0", 0n],
  ])("%s → %s öre", (text, ore) => expect(parseAmount(text)).toBe(ore));

  it.each(["ca 300 tkr", "1,234,567", "12,345", "", "-"])("refuses %s", (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe("dates and support types", () => {
  it("accepts real ISO dates only", () => {
    expect(parseDate("2024-03-01")?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(parseDate("2024-13-45")).toBeNull();
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("1/3/2024")).toBeNull();
  });

  it("knows project and company grants", () => {
    expect(supportTypeOf("Regionalt projektstöd")).toBe("project");
    expect(supportTypeOf("Företagsstöd – investeringsstöd")).toBe("company");
    expect(supportTypeOf("Okänt stöd")).toBeNull();
  });
});

describe("reading exports", () => {
  const header = "Ärendenummer;Projektnamn;Kommun";
  const row = "20240001;Växtkraft på Fårö;Slite";

  it("reads UTF-8 with a BOM", async () => {
    const table = await readTable(new TextEncoder().encode(`\ufeff${header}\n${row}\n`));
    expect(table.headers).toEqual(["Ärendenummer", "Projektnamn", "Kommun"]);
    expect(table.rows).toEqual([["20240001", "Växtkraft på Fårö", "Slite"]]);
  });

  it("reads Windows-1252, as older Excel saves CSV", async () => {
    const table = await readTable(new Uint8Array(iconv.encode(`${header}\r\n${row}\r\n`, "win1252")));
    expect(table.headers[0]).toBe("Ärendenummer");
    expect(table.rows[0][1]).toBe("Växtkraft på Fårö");
  });

  it("reads comma-separated files with quoted fields", async () => {
    const table = await readTable(new TextEncoder().encode(`Ärendenummer,Projektnamn,Beslutat belopp\n20240001,"Växtkraft, Fårö","1 200 000,50"\n`));
    expect(table.rows[0]).toEqual(["20240001", "Växtkraft, Fårö", "1 200 000,50"]);
  });

  it("reads the first sheet of an XLSX file, dates and numbers as a person sees them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ärenden");
    sheet.addRow(["Ärendenummer", "Projektnamn", "Beslutat belopp", "Beslutsdatum"]);
    sheet.addRow(["20240001", "Växtkraft på Fårö", 1200000.5, new Date(Date.UTC(2024, 2, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTable(bytes);
    expect(table.headers).toEqual(["Ärendenummer", "Projektnamn", "Beslutat belopp", "Beslutsdatum"]);
    expect(table.rows).toEqual([["20240001", "Växtkraft på Fårö", "1200000,5", "2024-03-01"]]);
  });
});
