import { describe, expect, it } from "vitest";
import { csvKronor, csvNumber, toCsv } from "../../app/csv/csv.ts";

describe("CSV for Swedish spreadsheets", () => {
  it("writes semicolons, a byte-order mark, CRLF, decimal commas and exact kronor", () => {
    const csv = toCsv(["Namn", "Belopp (kr)", "Värde", "År"], [["Digitalt lyft", csvKronor(185000050n), 33.4, 2024], ["Tomt", csvKronor("0"), null, undefined]]);
    expect(csv).toBe("\uFEFFNamn;Belopp (kr);Värde;År\r\nDigitalt lyft;1850000,50;33,4;2024\r\nTomt;0,00;;\r\n");
  });

  it("quotes fields with separators, quotes, line breaks or edge spaces", () => {
    const csv = toCsv(["A"], [['Säg "hej"; sen'], ["rad\nbrytning"], [" indrag"], ["Mål; delmål"]]);
    expect(csv.split("\r\n").slice(1, -1)).toEqual(['"Säg ""hej""; sen"', '"rad\nbrytning"', '" indrag"', '"Mål; delmål"']);
  });

  it("keeps a spreadsheet from running text as a formula, but writes negative numbers as numbers", () => {
    expect(toCsv(["a", "b", "c"], [['=HYPERLINK("x")', "@SUM(A1)", csvKronor("-125000")]])).toBe(
      '\uFEFFa;b;c\r\n"\'=HYPERLINK(""x"")";\'@SUM(A1);-1250,00\r\n',
    );
    expect(toCsv(["a"], [[-1.5]])).toBe("\uFEFFa\r\n-1,5\r\n");
  });

  it("gives kronor with exactly two decimals from öre, and decimals without thousands separators", () => {
    expect(csvKronor("7").csv).toBe("0,07");
    expect(csvKronor("126000050").csv).toBe("1260000,50");
    expect(csvNumber(1234567.5).csv).toBe("1234567,5");
  });
});
