// CSV the way Swedish Excel opens it without an import wizard: semicolons,
// decimal comma, UTF-8 with a byte-order mark, CRLF line ends.

/** A number already written the CSV way, passed through as it is. */
export type CsvNumber = { csv: string };
export type CsvCell = string | number | CsvNumber | null | undefined;

const BOM = "\uFEFF";

/** A decimal number with a decimal comma and no thousands separator, e.g. 1234,5. */
export function csvNumber(value: number, maximumFractionDigits = 6): CsvNumber {
  return { csv: value.toLocaleString("sv-SE", { maximumFractionDigits, useGrouping: false }).replace("\u2212", "-") };
}

/** Öre as kronor with two decimals and a decimal comma, exactly: 1850000,50. */
export function csvKronor(ore: bigint | string): CsvNumber {
  const value = BigInt(ore);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return { csv: `${sign}${abs / 100n},${(abs % 100n).toString().padStart(2, "0")}` };
}

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return csvNumber(cell).csv;
  if (typeof cell === "object") return cell.csv;
  // Text that a spreadsheet would run as a formula (a call titled "=HYPERLINK(…)") is kept as text.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  // Leading or trailing spaces are quoted, so that a spreadsheet keeps them.
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(";")).join("\r\n") + "\r\n";
}
