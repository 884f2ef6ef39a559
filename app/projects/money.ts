/** Öre (as stored) to kronor, formatted the Swedish way: 1 234 567,50 kr. */
export function formatKronor(ore: number | bigint | string): string {
  const kronor = Number(ore) / 100;
  return `${kronor.toLocaleString("sv-SE", { minimumFractionDigits: Number.isInteger(kronor) ? 0 : 2, maximumFractionDigits: 2 })} kr`;
}
