import { describe, expect, it } from "vitest";
import { csvKronor, toCsv } from "../../app/public-results/csv.ts";

describe("open data CSV", () => {
  it("writes semicolon-separated lines with a byte-order mark, a decimal comma and quotes only where needed", () => {
    const csv = toCsv(["title", "value", "year"], [
      ["Enkel", 60.5, 2024],
      ['Med "citat"; och semikolon', null, undefined],
      ["Två\nrader", 0, 2025],
    ]);
    expect(csv).toBe('\uFEFFtitle;value;year\r\nEnkel;60,5;2024\r\n"Med ""citat""; och semikolon";;\r\n"Två\nrader";0;2025\r\n');
  });

  it("keeps a spreadsheet from running text as a formula, but not a negative amount", () => {
    expect(toCsv(["a", "b"], [["=HYPERLINK(\"x\")", "-1250,00"]])).toBe('\uFEFFa;b\r\n"\'=HYPERLINK(""x"")";-1250,00\r\n');
    expect(toCsv(["a"], [["@SUM(A1)"]])).toBe("\uFEFFa\r\n'@SUM(A1)\r\n");
  });

  it("gives kronor with exactly two decimals from öre", () => {
    expect(csvKronor("185000050")).toBe("1850000,50");
    expect(csvKronor("0")).toBe("0,00");
    expect(csvKronor("7")).toBe("0,07");
    expect(csvKronor("-125000")).toBe("-1250,00");
  });
});
