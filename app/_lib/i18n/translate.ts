import type { Locale } from "./locale";
import { en, type MessageKey } from "./messages/en";
import { zh } from "./messages/zh";

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, zh };

export function getMessages(locale: Locale): Record<MessageKey, string> {
  return catalogs[locale];
}

/** `{name}` placeholders are replaced from params; unknown placeholders stay visible, so a test catches them. */
export function createTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
