import { db } from "~/db.server";
import { readTable } from "~/projects/import/read-table.server";
import type { Problem } from "~/projects/import/validate-rows";

const YEAR_HEADERS = ["år", "year", "ar"];
const VALUE_HEADERS = ["värde", "value", "varde", "utfall"];
const NOTE_HEADERS = ["kommentar", "note", "anmärkning"];

function column(headers: string[], names: string[]) {
  return headers.findIndex((h) => names.includes(h.trim().toLocaleLowerCase("sv-SE")));
}

function number(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return cleaned !== "" && Number.isFinite(Number(cleaned)) ? Number(cleaned) : null;
}

export type ValuesImport = { ok: true; count: number } | { ok: false; problems: Problem[] };

/**
 * Measured values of an indicator from a CSV or XLSX file with the columns
 * År and Värde (and optionally Kommentar). A year already recorded is
 * corrected. All rows or none.
 */
export async function importIndicatorValues(organisationId: string, indicatorId: string, bytes: Uint8Array): Promise<ValuesImport | null> {
  const indicator = await db.indicator.findFirst({ where: { id: indicatorId, organisationId }, select: { id: true } });
  if (!indicator) return null;
  const { headers, rows } = await readTable(bytes);
  const [yearAt, valueAt, noteAt] = [column(headers, YEAR_HEADERS), column(headers, VALUE_HEADERS), column(headers, NOTE_HEADERS)];
  const problems: Problem[] = [];
  if (yearAt < 0) problems.push({ row: 1, column: "År", message: "kolumnen saknas" });
  if (valueAt < 0) problems.push({ row: 1, column: "Värde", message: "kolumnen saknas" });
  if (problems.length) return { ok: false, problems };

  const values: { year: number; value: number; note: string }[] = [];
  const seen = new Map<number, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const yearText = (cells[yearAt] ?? "").trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    const value = number(cells[valueAt] ?? "");
    const before = problems.length;
    if (!(year >= 1990 && year <= 2100)) problems.push({ row, column: headers[yearAt], message: `"${yearText}" är inget årtal` });
    else if (seen.has(year)) problems.push({ row, column: headers[yearAt], message: `året finns redan på rad ${seen.get(year)}` });
    if (value === null) problems.push({ row, column: headers[valueAt], message: `"${cells[valueAt] ?? ""}" är inget tal` });
    if (problems.length > before) return;
    seen.set(year, row);
    values.push({ year, value: value!, note: noteAt >= 0 ? (cells[noteAt] ?? "").trim() : "" });
  });
  if (problems.length) return { ok: false, problems };

  await db.$transaction(
    values.map((v) =>
      db.indicatorValue.upsert({
        where: { indicatorId_year: { indicatorId, year: v.year } },
        create: { indicatorId, ...v },
        update: { value: v.value, note: v.note },
      }),
    ),
  );
  return { ok: true, count: values.length };
}
