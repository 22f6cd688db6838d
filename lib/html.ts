/**
 * A tiny HTML template tag for pages rendered as plain strings (the public share pages).
 * Every interpolated value is escaped unless it is already `SafeHtml` (the result of `html` or `raw`),
 * so forgetting to escape is impossible and trusting a string is a visible `raw(...)` call.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | bigint | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i] as Interpolation) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks markup built elsewhere as trusted. Never pass user data through this. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
