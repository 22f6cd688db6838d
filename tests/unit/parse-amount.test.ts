import { describe, it, expect } from "vitest";
import {
  AMOUNT_ERROR_CODES,
  parseAmount,
  type AmountError,
} from "@/lib/amount/parse-amount";
import { en } from "@/lib/i18n/messages/en";
import { zh } from "@/lib/i18n/messages/zh";

describe("parseAmount accepts what people type", () => {
  it.each([
    ["50亿", "5000000000"],
    ["50亿元", "5000000000"],
    ["5 billion", "5000000000"],
    ["5bn", "5000000000"],
    ["5 bn", "5000000000"],
    ["5BN", "5000000000"],
    ["500000万元", "5000000000"],
    ["500000万", "5000000000"],
    ["5,000,000,000", "5000000000"],
    ["5000000000", "5000000000"],
    ["¥5,000,000,000", "5000000000"],
    ["￥50亿", "5000000000"],
    ["¥50亿元", "5000000000"],
    ["4.8亿", "480000000"],
    ["43.58亿元", "4358000000"],
    ["1.2万元", "12000"],
    ["600 million", "600000000"],
    ["600M", "600000000"],
    ["600 m", "600000000"],
    ["3千万", "30000000"],
    ["1,234.56", "1234.56"],
    ["1234.5", "1234.5"],
    ["1.2300", "1.23"],
    ["５０亿", "5000000000"],
    ["５，０００，０００", "5000000"],
    [" 5 0 亿 ", "5000000000"],
    ["5\u3000bn", "5000000000"],
    ["RMB 5 bn", "5000000000"],
    ["5 billion yuan", "5000000000"],
    ["人民币4.8亿元", "480000000"],
    ["2万亿", "2000000000000"],
    ["12k", "12000"],
    ["1.5 thousand", "1500"],
    ["0.01", "0.01"],
    ["1.234567万", "12345.67"],
    ["0", "0"],
    ["0万元", "0"],
    ["000123", "123"],
    ["1000000000000000", "1000000000000000"],
    ["1000万亿", "1000000000000000"],
  ])("%j → %s", (input, yuan) => {
    expect(parseAmount(input)).toEqual({ ok: true, yuan });
  });
});

describe("parseAmount refuses with a reason", () => {
  it.each<[string, AmountError]>([
    ["", "empty"],
    ["   ", "empty"],
    ["-5", "negative"],
    ["−5亿", "negative"],
    ["－5", "negative"],
    ["负5亿", "negative"],
    ["-¥5", "negative"],
    ["¥-5", "negative"],
    ["5,000.000,0", "ambiguous_separator"],
    ["1.234.567", "ambiguous_separator"],
    ["1,5", "ambiguous_separator"],
    ["12,34", "ambiguous_separator"],
    ["1,2345", "ambiguous_separator"],
    ["5k万", "ambiguous_unit"],
    ["50亿万", "ambiguous_unit"],
    ["5万万", "ambiguous_unit"],
    ["5 million bn", "ambiguous_unit"],
    ["5亿3000万", "mixed_units"],
    ["5 billion 600 million", "mixed_units"],
    ["5 billion yuan 3", "not_a_number"],
    ["NaN", "not_a_number"],
    ["Infinity", "not_a_number"],
    ["-Infinity", "not_a_number"],
    ["1e308", "not_a_number"],
    ["1e9", "not_a_number"],
    ["1.5E3", "not_a_number"],
    ["abc", "not_a_number"],
    ["¥", "not_a_number"],
    ["亿", "not_a_number"],
    [".5", "not_a_number"],
    ["5.", "not_a_number"],
    ["--5", "not_a_number"],
    ["5%", "not_a_number"],
    ["5 apples", "not_a_number"],
    ["$5m", "unsupported_currency"],
    ["5 USD", "unsupported_currency"],
    ["5亿美元", "unsupported_currency"],
    ["1,234.567", "too_many_decimals"],
    ["0.001", "too_many_decimals"],
    ["1.2345678万", "too_many_decimals"],
    ["1000000000000000.01", "too_large"],
    ["1000000000000001", "too_large"],
    ["10000万亿", "too_large"],
    ["1" + "0".repeat(400), "too_large"],
  ])("%j → %s", (input, reason) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason });
  });

  it("has a message in both locales for every code", () => {
    for (const code of AMOUNT_ERROR_CODES) {
      expect(en[`amount.${code}`]).not.toBe("");
      expect(zh[`amount.${code}`]).not.toBe("");
    }
    expect(en["amount.not_a_number"]).toMatch(/scientific notation/);
  });
});

/** mulberry32: small seeded PRNG so the property run is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random non-negative integer of 1–16 digits, built digit by digit to stay exact. */
function randomInteger(next: () => number): bigint {
  const length = 1 + Math.floor(next() * 16);
  let digits = "";
  for (let i = 0; i < length; i++) digits += String(Math.floor(next() * 10));
  const n = BigInt(digits);
  return n > 10n ** 15n ? n / 10n : n;
}

function withThousands(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+$)/g, ",");
}

describe("parseAmount properties", () => {
  const next = mulberry32(20240611);
  const samples = Array.from({ length: 500 }, () => randomInteger(next));

  it("round-trips 500 integers written with thousands separators", () => {
    for (const n of samples) {
      expect(parseAmount(withThousands(n))).toEqual({ ok: true, yuan: n.toString() });
      expect(parseAmount(n.toString())).toEqual({ ok: true, yuan: n.toString() });
    }
  });

  it("scales `${n}万` by exactly 10,000 or reports too_large", () => {
    for (const n of samples) {
      const scaled = n * 10000n;
      const expected = scaled > 10n ** 15n ? { ok: false, reason: "too_large" } : { ok: true, yuan: scaled.toString() };
      expect(parseAmount(`${n}万`)).toEqual(expected);
    }
  });
});
