/*
 * Parses a typed investment amount into an exact decimal string of yuan.
 *
 * Input is first NFKC-folded (full-width ５０亿 / ￥ / ， become ASCII), stripped of
 * all whitespace and lowercased. Accepted grammar:
 *
 *   amount   := [currency] number [unit] [currency-suffix]
 *   currency := "¥" | "rmb" | "cny" | "人民币"
 *   suffix   := "元" | "yuan" | "rmb" | "cny" | "人民币"
 *   number   := digits ["." digits]                  5000000000, 4.8
 *             | ddd ("," ddd)+ ["." digits]         5,000,000,000 (groups of exactly 3)
 *   unit     := 千 | 万 | 十万 | 百万 | 千万 | 亿 | 十亿 | 百亿 | 千亿 | 万亿
 *             | k | thousand | m | mn | million | b | bn | billion | tn | trillion
 *
 * "m" always means million. The result must be whole fen (≤ 2 decimals of yuan)
 * and at most 10^15 yuan; zero is allowed. Refused on purpose: any minus sign or
 * 负; stacked units (50亿万, 5k万); commas that are not thousands groups or more
 * than one dot (1,5 could be European 1.5); scientific notation (1e9), NaN and
 * Infinity; compound amounts (5亿3000万 — type 5.3亿); foreign currencies.
 * Arithmetic is BigInt only, so no amount is ever rounded by floating point.
 */

export const AMOUNT_ERROR_CODES = [
  "empty",
  "not_a_number",
  "negative",
  "ambiguous_separator",
  "ambiguous_unit",
  "mixed_units",
  "unsupported_currency",
  "too_many_decimals",
  "too_large",
] as const;
export type AmountError = (typeof AMOUNT_ERROR_CODES)[number];

export type AmountResult = { ok: true; yuan: string } | { ok: false; reason: AmountError };

const MAX_FEN = 10n ** 15n * 100n;

const UNIT_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ["万亿", 12], ["千亿", 11], ["百亿", 10], ["十亿", 9], ["亿", 8],
  ["千万", 7], ["百万", 6], ["十万", 5], ["万", 4], ["千", 3],
  ["trillion", 12], ["tn", 12], ["billion", 9], ["bn", 9], ["b", 9],
  ["million", 6], ["mn", 6], ["m", 6], ["thousand", 3], ["k", 3],
]);
const UNIT_WORDS = [...UNIT_EXPONENTS.keys()].sort((a, b) => b.length - a.length);

const FOREIGN_CURRENCY = /[$€£]|usd|eur|hkd|jpy|美元|欧元|港元|港币|日元|英镑/;
// Lazy body so that an optional currency suffix is split off when present.
const ENVELOPE = /^([-−负])?(?:¥|rmb|cny|人民币)?([-−负])?(.*?)(?:元|yuan|rmb|cny|人民币)?$/;
const RUNS = /[\d.,]+|[^\d.,]+/g;
const NUMERIC_RUN = /^[\d.,]+$/;
const PLAIN_NUMBER = /^(\d+)(?:\.(\d+))?$/;
const GROUPED_NUMBER = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

const fail = (reason: AmountError): AmountResult => ({ ok: false, reason });

/** How many known units `text` splits into (greedy, longest first), or 0 if it doesn't. */
function countUnits(text: string): number {
  let count = 0;
  for (let rest = text; rest; count++) {
    const word = UNIT_WORDS.find((w) => rest.startsWith(w));
    if (!word) return 0;
    rest = rest.slice(word.length);
  }
  return count;
}

function parseNumber(text: string): { int: string; frac: string } | AmountError {
  const m = PLAIN_NUMBER.exec(text) ?? GROUPED_NUMBER.exec(text);
  if (m) return { int: (m[1] ?? "").replace(/,/g, ""), frac: m[2] ?? "" };
  const dots = text.split(".").length - 1;
  return text.includes(",") || dots > 1 ? "ambiguous_separator" : "not_a_number";
}

function parseUnit(text: string): number | AmountError {
  if (text === "") return 0;
  const exp = UNIT_EXPONENTS.get(text);
  if (exp !== undefined) return exp;
  return countUnits(text) >= 2 ? "ambiguous_unit" : "not_a_number";
}

function renderFen(fen: bigint): string {
  const s = fen.toString().padStart(3, "0");
  const frac = s.slice(-2).replace(/0+$/, "");
  return frac ? `${s.slice(0, -2)}.${frac}` : s.slice(0, -2);
}

export function parseAmount(input: string): AmountResult {
  const text = input.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  if (text === "") return fail("empty");
  if (FOREIGN_CURRENCY.test(text)) return fail("unsupported_currency");

  const envelope = ENVELOPE.exec(text);
  const body = envelope?.[3] ?? "";
  if (!envelope || body === "" || (envelope[1] && envelope[2])) return fail("not_a_number");

  const runs = body.match(RUNS) ?? [];
  const [numberRun = "", unitRun = ""] = runs;
  if (!NUMERIC_RUN.test(numberRun)) return fail("not_a_number");
  if (runs.length > 2) {
    const units = runs.filter((_, i) => i % 2 === 1);
    const compound = runs.length % 2 === 0 && units.every((u) => UNIT_EXPONENTS.has(u));
    return fail(compound ? "mixed_units" : "not_a_number");
  }

  const number = parseNumber(numberRun);
  if (typeof number === "string") return fail(number);
  const exp = parseUnit(unitRun);
  if (typeof exp === "string") return fail(exp);
  if (envelope[1] || envelope[2]) return fail("negative");

  const int = number.int.replace(/^0+/, "");
  const frac = number.frac.replace(/0+$/, "");
  // Digit-count bound first, so a pasted 10,000-digit string never reaches BigInt.
  if (int.length + exp > 16) return fail("too_large");
  if (frac.length > exp + 2) return fail("too_many_decimals");
  const fen = BigInt(int + frac || "0") * 10n ** BigInt(exp + 2 - frac.length);
  if (fen > MAX_FEN) return fail("too_large");
  return { ok: true, yuan: renderFen(fen) };
}
