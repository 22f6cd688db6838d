/**
 * Codes for ledger rows that have none: the park's prefix (its slug in capitals) and a sequence
 * after the highest one already used with that prefix, e.g. NINGXIANG-HTZ-0042.
 */

export function codePrefix(parkSlug: string): string {
  return `${parkSlug.toUpperCase()}-`;
}

/** `count` new codes after the highest `<prefix><number>` among `taken`. */
export function nextCodes(prefix: string, taken: Iterable<string>, count: number): string[] {
  let highest = 0;
  for (const code of taken) {
    if (!code.startsWith(prefix)) continue;
    const rest = code.slice(prefix.length);
    if (/^\d{1,9}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return Array.from({ length: count }, (_, i) => `${prefix}${String(highest + i + 1).padStart(4, "0")}`);
}

/** Headers that number the rows (序号): never the project's code. */
export const ROW_NUMBER_HEADERS = ["序号", "序", "行号", "行次", "rowno", "rownumber", "row", "sn", "s/n", "serialnumber", "index"];
