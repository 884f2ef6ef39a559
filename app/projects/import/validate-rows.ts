import type { ImportField, Mapping } from "./nyps-mapping";
import { DEFAULT_HEADERS, REQUIRED_FIELDS } from "./nyps-mapping";

export type Problem = { row: number; column: string; message: string };

export type ProjectRow = {
  row: number;
  caseNumber: string;
  name: string;
  beneficiary: string;
  orgNumber: string;
  supportType: "project" | "company";
  supportForm: string;
  decidedAmountOre: bigint;
  coFundingOre: bigint;
  decisionDate: Date | null;
  startDate: Date | null;
  endDate: Date | null;
  status: string;
  statusLabel: string;
  priorityArea: string;
  s3Area: string;
  municipality: string;
};

/**
 * Swedish amounts to öre: "1 234 567,50", "325 000,5", "95000", also with
 * non-breaking or thin spaces and a trailing "kr". Null when it is not an amount.
 */
export function parseAmount(text: string): bigint | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(/kr$/i, "");
  const match = cleaned.match(/^(-?)(\d+)(?:[,.](\d{1,2}))?$/);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const ore = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0") || "0");
  return sign ? -ore : ore;
}

/** ISO dates (2024-03-01) that exist in the calendar. */
export function parseDate(text: string): Date | null {
  const match = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text.trim() ? date : null;
}

export function supportTypeOf(form: string): "project" | "company" | null {
  const lower = form.toLocaleLowerCase("sv-SE");
  if (lower.startsWith("företagsstöd")) return "company";
  if (lower.includes("projektstöd")) return "project";
  return null;
}

const STATUSES: Record<string, string> = {
  beslutat: "decided",
  pågående: "ongoing",
  slutrapporterat: "final-reported",
  avslutat: "closed",
};

/**
 * Check every row and convert the good ones. Row numbers count the header as
 * row 1, as a spreadsheet shows them (`rowNumbers` from readTable; by default
 * the data rows follow the header without gaps). Duplicate case numbers are a
 * problem on the later row. Problems about the columns themselves are on row 1.
 */
export function validateRows(
  headers: string[],
  rows: string[][],
  mapping: Mapping,
  rowNumbers: number[] = rows.map((_, i) => i + 2),
): { rows: ProjectRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const present = new Set(headers);
  for (const field of REQUIRED_FIELDS) {
    if (!mapping[field]) problems.push({ row: 1, column: DEFAULT_HEADERS[field], message: "kolumnen saknas i filen" });
  }
  for (const header of Object.values(mapping)) {
    if (header && !present.has(header)) problems.push({ row: 1, column: header, message: "kolumnen finns inte i filen" });
  }
  if (problems.length) return { rows: [], problems };

  const index = Object.fromEntries(Object.entries(mapping).map(([field, header]) => [field, headers.indexOf(header!)])) as Partial<Record<ImportField, number>>;
  const cell = (row: string[], field: ImportField) => (index[field] === undefined || index[field]! < 0 ? "" : (row[index[field]!] ?? "").trim());
  const seen = new Map<string, number>();
  const valid: ProjectRow[] = [];

  rows.forEach((values, i) => {
    const row = rowNumbers[i] ?? i + 2;
    const before = problems.length;
    const problem = (field: ImportField, message: string) => problems.push({ row, column: mapping[field] ?? field, message });

    const caseNumber = cell(values, "caseNumber");
    if (!caseNumber) problem("caseNumber", "saknas");
    else if (seen.has(caseNumber)) problem("caseNumber", `ärendenumret finns redan på rad ${seen.get(caseNumber)}`);
    else seen.set(caseNumber, row);

    const name = cell(values, "name");
    if (!name) problem("name", "saknas");

    const supportForm = cell(values, "supportForm");
    const supportType = supportTypeOf(supportForm);
    if (!supportForm) problem("supportForm", "saknas");
    else if (!supportType) problem("supportForm", `okänd stödform "${supportForm}" (väntade projektstöd eller företagsstöd)`);

    const amounts: Partial<Record<"decidedAmount" | "coFunding", bigint>> = {};
    for (const field of ["decidedAmount", "coFunding"] as const) {
      const text = cell(values, field);
      if (!text) {
        if (field === "decidedAmount") problem(field, "saknas");
        continue;
      }
      const ore = parseAmount(text);
      if (ore === null) problem(field, `"${text}" är inget belopp i kronor (skriv till exempel 1 234 567,50)`);
      else if (ore < 0n) problem(field, `"${text}" är negativt`);
      else amounts[field] = ore;
    }

    const dates: Partial<Record<"decisionDate" | "startDate" | "endDate", Date | null>> = {};
    for (const field of ["decisionDate", "startDate", "endDate"] as const) {
      const text = cell(values, field);
      if (!text) continue;
      const date = parseDate(text);
      if (!date) problem(field, `"${text}" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)`);
      dates[field] = date;
    }
    if (dates.startDate && dates.endDate && dates.endDate < dates.startDate) problem("endDate", "slutar före projektstart");

    if (problems.length > before) return;
    const statusLabel = cell(values, "status");
    valid.push({
      row,
      caseNumber,
      name,
      beneficiary: cell(values, "beneficiary"),
      orgNumber: cell(values, "orgNumber"),
      supportType: supportType!,
      supportForm,
      decidedAmountOre: amounts.decidedAmount!,
      coFundingOre: amounts.coFunding ?? 0n,
      decisionDate: dates.decisionDate ?? null,
      startDate: dates.startDate ?? null,
      endDate: dates.endDate ?? null,
      status: STATUSES[statusLabel.toLocaleLowerCase("sv-SE")] ?? (statusLabel ? "other" : "decided"),
      statusLabel,
      priorityArea: cell(values, "priorityArea"),
      s3Area: cell(values, "s3Area"),
      municipality: cell(values, "municipality"),
    });
  });
  return { rows: valid, problems };
}
