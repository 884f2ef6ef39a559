import { z } from "zod";

// The project fields an import fills, and the Nyps export headers they come
// from by default. Real exports vary, so the user can map columns.
export const IMPORT_FIELDS = [
  "caseNumber",
  "name",
  "beneficiary",
  "orgNumber",
  "supportForm",
  "decidedAmount",
  "coFunding",
  "decisionDate",
  "startDate",
  "endDate",
  "status",
  "priorityArea",
  "s3Area",
  "municipality",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: ImportField[] = ["caseNumber", "name", "supportForm", "decidedAmount"];

export const DEFAULT_HEADERS: Record<ImportField, string> = {
  caseNumber: "Ärendenummer",
  name: "Projektnamn",
  beneficiary: "Stödmottagare",
  orgNumber: "Organisationsnummer",
  supportForm: "Stödform",
  decidedAmount: "Beslutat belopp",
  coFunding: "Medfinansiering",
  decisionDate: "Beslutsdatum",
  startDate: "Projektstart",
  endDate: "Projektslut",
  status: "Status",
  priorityArea: "Insatsområde",
  s3Area: "S3-område",
  municipality: "Kommun",
};

/** field → header name in the file; a field left out is not imported. */
export const MappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().trim().min(1));
export type Mapping = z.infer<typeof MappingSchema>;

/**
 * The remembered mapping (a field it leaves out stays out), or else the Nyps
 * defaults; either way only headers the file really has.
 */
export function resolveMapping(headers: string[], remembered?: Mapping): Mapping {
  const present = new Set(headers);
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const candidate = remembered ? remembered[field] : DEFAULT_HEADERS[field];
    if (candidate && present.has(candidate)) mapping[field] = candidate;
  }
  return mapping;
}
