/**
 * CSV the way Swedish spreadsheet programs open it without an import dialog:
 * semicolons between fields, a decimal comma, UTF-8 with a byte-order mark
 * (so that å, ä and ö survive Excel) and CRLF line ends.
 */
export type CsvCell = string | number | null | undefined;

const BOM = "\uFEFF";

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  // A leading =, +, - or @ would make a spreadsheet run the text as a formula (CSV injection);
  // a negative amount is a number, not a formula.
  const text = /^[=+\-@\t\r]/.test(value) && !/^-\d+(,\d+)?$/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(";")).join("\r\n") + "\r\n";
}

/** Kronor with exactly two decimals and a decimal comma, from öre: 1850000,50. */
export function csvKronor(ore: string): string {
  const value = BigInt(ore);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n},${(abs % 100n).toString().padStart(2, "0")}`;
}
