import type { TFunction } from "i18next";
import { formatNumber } from "~/i18n/i18n";

/** The key of the catch-all row: "not linked to a goal", "no tag", "not under a call". */
export const NONE = "none";

type Labelled = { label: string; labelKey?: string; code?: string };

/** A funds row's name: its own (with the goal's number), or the translated fixed text. */
export const rowLabel = (row: Labelled, t: TFunction): string =>
  row.labelKey ? t(row.labelKey) : row.code ? `${row.code} ${row.label}` : row.label;

/** Realised as a percentage of expected, one decimal: 111,7 %. */
export const formatShare = (share: number) => `${formatNumber(share * 100, 1)} %`;

/** The share as the CSV and table number: percent, one decimal. */
export const sharePercent = (share: number) => Math.round(share * 1000) / 10;

export const withUnit = (value: number, unit: string) => `${formatNumber(value)} ${unit}`.trim();
