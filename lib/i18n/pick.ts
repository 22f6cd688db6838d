import type { Locale } from "./locale";

/** Records keep a Chinese name and an optional English one: English readers get it when it exists. */
export function pickName(locale: Locale, zh: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : zh;
}
