import { parse } from "csv-parse/sync";
import type { Buffer as XlsxBuffer, CellValue } from "exceljs";
import iconv from "iconv-lite";

/**
 * A file's header and data rows. `rowNumbers[i]` is the row `rows[i]` has in
 * the file as a spreadsheet shows it (the header being row 1 when it is the
 * first line), so that problems point at the right line even when the file
 * has blank lines in it.
 */
export type Table = { headers: string[]; rows: string[][]; rowNumbers: number[] };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 as older Excel writes. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "win1252");
  }
}

/** `;` or `,`, whichever the header line has more of (Swedish Excel writes `;`). */
export function detectDelimiter(text: string): ";" | "," {
  const end = text.indexOf("\n");
  const firstLine = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(";") >= count(",") ? ";" : ",";
}

type NumberedRow = { number: number; cells: string[] };

function readCsv(text: string): NumberedRow[] {
  // Empty lines are kept (and dropped below) so that record i is row i + 1.
  const records = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: true,
    bom: true,
  }) as string[][];
  return records.map((cells, i) => ({ number: i + 1, cells }));
}

/** A cell as the text a person would see: dates as 2024-03-01, numbers with a decimal comma. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "object" && "result" in value) return cellText(value.result as CellValue);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("").trim();
  if (typeof value === "object" && "text" in value) return String(value.text).trim();
  if (typeof value === "object" && "error" in value) return String(value.error);
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array): Promise<NumberedRow[]> {
  // exceljs weighs ~30 MB: loaded when someone imports a spreadsheet, not with the server.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as XlsxBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: NumberedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push({ number, cells });
  });
  return rows;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

/**
 * Read an uploaded export into a header row and data rows: XLSX (recognised
 * by the zip signature, first sheet) or CSV with `;` or `,` in UTF-8 (BOM or
 * not) or Windows-1252. Blank rows are left out. Throws on a file that is
 * neither (e.g. a broken zip or unbalanced quotes).
 */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const all = (isZip(bytes) ? await readXlsx(bytes) : readCsv(decodeText(bytes))).filter((r) => !isBlank(r.cells));
  const [header, ...data] = all;
  return {
    headers: (header?.cells ?? []).map((h) => h.trim()),
    rows: data.map((r) => r.cells),
    rowNumbers: data.map((r) => r.number),
  };
}
