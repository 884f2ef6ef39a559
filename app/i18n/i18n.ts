import { createInstance, type i18n, type TFunction } from "i18next";
import { en } from "./en";
import { sv } from "./sv";

export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";

export function toLocale(value: string | null | undefined): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : DEFAULT_LOCALE;
}

const instances = new Map<Locale, i18n>();

/** One initialised i18next instance per language; resources are bundled, so init is synchronous. */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources: { sv: { translation: sv }, en: { translation: en } },
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function translator(locale: string | null | undefined): TFunction {
  return i18nFor(toLocale(locale)).t;
}

/** Dates the Swedish way in both languages (2026-11-28), as public-sector users expect. */
// Formatters are built once: a new Intl.DateTimeFormat per call costs more than the rest of a row.
const DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });
const DATE_TIME = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

export function formatDate(date: Date | string): string {
  return DATE.format(new Date(date));
}

/** Date and time in Stockholm, e.g. 2026-11-28 14:05, the same on server and browser. */
export function formatDateTime(date: Date | string): string {
  return DATE_TIME.format(new Date(date));
}

/** Numbers the Swedish way in both languages: 1 234 567,5 (space thousands, decimal comma). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return value.toLocaleString("sv-SE", { maximumFractionDigits });
}
