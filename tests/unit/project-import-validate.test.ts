import { describe, expect, it } from "vitest";
import { DEFAULT_HEADERS, MappingSchema, resolveMapping } from "../../app/projects/import/nyps-mapping.ts";
import { detectDelimiter, readTable } from "../../app/projects/import/read-table.server.ts";
import { parseAmount, validateRows } from "../../app/projects/import/validate-rows.ts";

const HEADERS = Object.values(DEFAULT_HEADERS);
const DEFAULTS = resolveMapping(HEADERS);

/** A row in the export's column order, from the fields that matter to a test. */
function row(fields: Partial<Record<keyof typeof DEFAULT_HEADERS, string>>): string[] {
  const base: Record<string, string> = {
    caseNumber: "20240001",
    name: "Växtkraft på Fårö",
    supportForm: "Regionalt projektstöd",
    decidedAmount: "1 234 567,50",
    ...fields,
  };
  return Object.keys(DEFAULT_HEADERS).map((field) => base[field] ?? "");
}

describe("amounts", () => {
  it("reads every whitespace Swedish exports use as a thousands separator", () => {
    expect(parseAmount("1\u2009234\u2009567,50")).toBe(123456750n);
    expect(parseAmount("1234567")).toBe(123456700n);
    expect(parseAmount("325 000,5")).toBe(32500050n);
  });

  it.each(["ca 300 tkr", "300 tkr", "1,2,3", "1 234,567", "12 kr 50"])("refuses %s", (text) => expect(parseAmount(text)).toBeNull());
});

describe("validating rows", () => {
  it("converts a good row", () => {
    const { rows, problems } = validateRows(
      HEADERS,
      [row({ status: "Pågående", coFunding: "47 500", decisionDate: "2024-03-01", s3Area: "Livsmedel", municipality: "Visby" })],
      DEFAULTS,
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 2,
      caseNumber: "20240001",
      supportType: "project",
      decidedAmountOre: 123456750n,
      coFundingOre: 4750000n,
      status: "ongoing",
      statusLabel: "Pågående",
      s3Area: "Livsmedel",
      municipality: "Visby",
    });
    expect(rows[0].decisionDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
  });

  it.each([
    ["Beslutat", "decided"],
    ["Pågående", "ongoing"],
    ["Slutrapporterat", "final-reported"],
    ["Avslutat", "closed"],
    ["Hävt", "other"],
  ])("maps the status %s to %s and keeps the label", (label, status) => {
    const { rows } = validateRows(HEADERS, [row({ status: label })], DEFAULTS);
    expect(rows[0]).toMatchObject({ status, statusLabel: label });
  });

  it("tells project grants from company grants", () => {
    const { rows, problems } = validateRows(
      HEADERS,
      [
        row({ caseNumber: "1", supportForm: "Regionalt projektstöd" }),
        row({ caseNumber: "2", supportForm: "Projektstöd – förstudie" }),
        row({ caseNumber: "3", supportForm: "Företagsstöd – konsultcheck" }),
        row({ caseNumber: "4", supportForm: "Bidrag" }),
      ],
      DEFAULTS,
    );
    expect(rows.map((r) => r.supportType)).toEqual(["project", "project", "company"]);
    expect(problems).toEqual([{ row: 5, column: "Stödform", message: expect.stringContaining("okänd stödform") }]);
  });

  it("reports every problem of every row, with the row as a spreadsheet numbers it and the column's header", () => {
    const { rows, problems } = validateRows(
      HEADERS,
      [
        row({ caseNumber: "1" }),
        row({ caseNumber: "", name: "", decidedAmount: "ca 300 tkr" }),
        row({ caseNumber: "1", startDate: "2024-05-01", endDate: "2024-04-01" }),
        row({ caseNumber: "4", decidedAmount: "", coFunding: "-5 000", decisionDate: "1/3/2024" }),
      ],
      DEFAULTS,
    );
    expect(rows.map((r) => r.caseNumber)).toEqual(["1"]);
    expect(problems).toEqual([
      { row: 3, column: "Ärendenummer", message: "saknas" },
      { row: 3, column: "Projektnamn", message: "saknas" },
      { row: 3, column: "Beslutat belopp", message: expect.stringMatching(/^"ca 300 tkr" är inget belopp i kronor/) },
      { row: 4, column: "Ärendenummer", message: "ärendenumret finns redan på rad 2" },
      { row: 4, column: "Projektslut", message: "slutar före projektstart" },
      { row: 5, column: "Beslutat belopp", message: "saknas" },
      { row: 5, column: "Medfinansiering", message: '"-5 000" är negativt' },
      { row: 5, column: "Beslutsdatum", message: expect.stringMatching(/^"1\/3\/2024" är inget giltigt datum/) },
    ]);
  });

  it("names the columns by the file's own headers when they are mapped", () => {
    const headers = ["Dnr", "Titel", "Typ", "Belopp"];
    const mapping = { caseNumber: "Dnr", name: "Titel", supportForm: "Typ", decidedAmount: "Belopp" };
    const { problems } = validateRows(headers, [["A-1", "X", "Regionalt projektstöd", "tio kronor"]], mapping);
    expect(problems).toEqual([{ row: 2, column: "Belopp", message: expect.stringContaining("inget belopp") }]);
  });

  it("reports missing required columns, and mapped columns the file does not have, on row 1", () => {
    const headers = ["Ärendenummer", "Projektnamn"];
    const { rows, problems } = validateRows(headers, [["1", "X"]], { caseNumber: "Ärendenummer", name: "Projektnamn", municipality: "Kommun" });
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { row: 1, column: "Stödform", message: "kolumnen saknas i filen" },
      { row: 1, column: "Beslutat belopp", message: "kolumnen saknas i filen" },
      { row: 1, column: "Kommun", message: "kolumnen finns inte i filen" },
    ]);
  });
});

describe("mappings", () => {
  it("uses the Nyps headers the file has, or the remembered mapping", () => {
    expect(resolveMapping(["Ärendenummer", "Projektnamn", "Annat"])).toEqual({ caseNumber: "Ärendenummer", name: "Projektnamn" });
    expect(resolveMapping(["Dnr", "Projektnamn"], { caseNumber: "Dnr" })).toEqual({ caseNumber: "Dnr" });
  });

  it("accepts field → header objects only", () => {
    expect(MappingSchema.safeParse({ caseNumber: "Ärendenummer" }).success).toBe(true);
    expect(MappingSchema.safeParse({ caseNumber: "" }).success).toBe(false);
    expect(MappingSchema.safeParse({ nonsense: "X" }).success).toBe(false);
    expect(MappingSchema.safeParse(["Ärendenummer"]).success).toBe(false);
  });
});

describe("reading rows", () => {
  it("detects the delimiter from the header line", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a,b,c\n1;2;3")).toBe(",");
    expect(detectDelimiter("Ärendenummer")).toBe(";");
  });

  it("keeps the file's row numbers across blank lines", async () => {
    const csv = "Ärendenummer;Projektnamn;Stödform;Beslutat belopp\n1;A;Regionalt projektstöd;100\n\n;;;\n1;B;Regionalt projektstöd;ca 300 tkr\n";
    const table = await readTable(new TextEncoder().encode(csv));
    expect(table.rows.map((r) => r[1])).toEqual(["A", "B"]);
    expect(table.rowNumbers).toEqual([2, 5]);
    const { problems } = validateRows(table.headers, table.rows, resolveMapping(table.headers), table.rowNumbers);
    expect(problems).toEqual([
      { row: 5, column: "Ärendenummer", message: "ärendenumret finns redan på rad 2" },
      { row: 5, column: "Beslutat belopp", message: expect.stringContaining("inget belopp") },
    ]);
  });

  it("reads quotes inside fields and CRLF line ends", async () => {
    const table = await readTable(new TextEncoder().encode('Ärendenummer;Stödmottagare\r\n1;Föreningen "Ön" ek. för.\r\n2;"Bygg; Anläggning AB"\r\n'));
    expect(table.rows).toEqual([
      ["1", 'Föreningen "Ön" ek. för.'],
      ["2", "Bygg; Anläggning AB"],
    ]);
  });
});
