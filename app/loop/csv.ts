/** Kronor for a spreadsheet: digits, a decimal comma and no thousands separator (1234567,50). */
export function csvKronor(ore: string): string {
  const value = BigInt(ore);
  const rest = value % 100n;
  return rest === 0n ? `${value / 100n}` : `${value / 100n},${rest.toString().padStart(2, "0")}`;
}

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value).replace(".", ",");
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
