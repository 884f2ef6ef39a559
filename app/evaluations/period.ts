import { formatDate } from "~/i18n/i18n";

/** "2025-01-15 – 2025-06-30", "… – 2025-06-30" with only one end, "–" without dates. */
export function formatPeriod(startsOn: Date | string | null, endsOn: Date | string | null): string {
  if (!startsOn && !endsOn) return "–";
  return [startsOn, endsOn].map((d) => (d ? formatDate(d) : "…")).join(" – ");
}
