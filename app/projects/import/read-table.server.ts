import { parse } from "csv-parse/sync";
import type { Buffer as XlsxBuffer, CellValue } from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";

/**
 * A file's header and data rows. `rowNumbers[i]` is the row `rows[i]` has in
 * the file as a spreadsheet shows it (the header being row 1 when it is the
 * first line), so that problems point at the right line even when the file
 * has blank lines in it.
 */
export type Table = { headers: string[]; rows: string[][]; rowNumbers: number[] };

// An XLSX file is a zip archive: a few MB of it may unpack to gigabytes (a "zip bomb").
// Its parts are unpacked and counted as a stream before exceljs sees the file, and
// unpacking stops at this limit, far above any real export.
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** The file would unpack to more than MAX_UNPACKED_BYTES. */
export class UnpackedTooLarge extends Error {
  constructor() {
    super(`The file unpacks to more than ${MAX_UNPACKED_BYTES} bytes`);
  }
}

async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  const archive = await JSZip.loadAsync(bytes);
  let total = 0;
  for (const entry of Object.values(archive.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream("nodebuffer");
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total <= MAX_UNPACKED_BYTES) return;
        stream.pause();
        stream.removeAllListeners("data");
        reject(new UnpackedTooLarge());
      });
      stream.on("end", resolve);
      stream.on("error", reject);
    });
  }
}

// Text files have no NUL bytes; anything else that is not a zip (a PDF, an image, a
// UTF-16 text export) is refused rather than read as garbled columns.
const looksBinary = (bytes: Uint8Array) => bytes.subarray(0, 8192).includes(0);

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
  await checkUnpackedSize(bytes);
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
 * neither (e.g. a broken zip, a binary file or unbalanced quotes), and
 * UnpackedTooLarge on a zip that unpacks to more than MAX_UNPACKED_BYTES.
 */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (!isZip(bytes) && looksBinary(bytes)) throw new Error("Neither a zip nor a text file");
  const all = (isZip(bytes) ? await readXlsx(bytes) : readCsv(decodeText(bytes))).filter((r) => !isBlank(r.cells));
  const [header, ...data] = all;
  return {
    headers: (header?.cells ?? []).map((h) => h.trim()),
    rows: data.map((r) => r.cells),
    rowNumbers: data.map((r) => r.number),
  };
}
