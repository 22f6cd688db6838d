import type { Locale } from "./locale";
import { en, type MessageKey } from "./messages/en";
import { zh } from "./messages/zh";

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, zh };

/**
 * `{name}` placeholders are replaced from params; unknown placeholders stay visible, so a test catches
 * them. English counts need a plural: `{count, plural, one {# day} other {# days}}` (ICU's form, only
 * `one` and `other`, no braces inside) picks by the number, with `#` standing for it. One pass over the
 * message, so a value that itself contains braces is never read as a placeholder.
 */
const PLACEHOLDER = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}|\{(\w+)\}/g;

const pluralRules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules("en"), zh: new Intl.PluralRules("zh-CN") };

export function createTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  const rules = pluralRules[locale];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(PLACEHOLDER, (whole, pluralName: string | undefined, one: string, other: string, name: string | undefined) => {
      if (name !== undefined) return name in params ? String(params[name]) : whole;
      if (!(pluralName! in params)) return whole;
      const value = params[pluralName!]!;
      const form = typeof value === "number" && rules.select(value) === "one" ? one : other;
      return form.replaceAll("#", String(value));
    });
  };
}
