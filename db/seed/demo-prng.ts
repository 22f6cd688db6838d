// Seeded randomness and month arithmetic for the demonstration park: the same seed and the same
// "today" give the same park, row for row and id for id.

/** mulberry32: small, fast, and good enough to vary illustrative figures. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join("");
  return {
    next,
    int,
    between: (min: number, max: number) => min + next() * (max - min),
    pick: <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!,
    /** A version-4-shaped UUID from the stream, so ids are reproducible too. */
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}

export type Rng = ReturnType<typeof createRng>;

/** Months as one integer (year × 12 + month − 1), so "three months later" is + 3. */
export const monthIndexOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

export function periodOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** A day of a month; days stop at 28 so every month has them. */
export function dateInMonth(index: number, day: number): string {
  return `${periodOfIndex(index).slice(0, 8)}${String(Math.min(28, Math.max(1, day))).padStart(2, "0")}`;
}

/** Calendar month (1–12) of a month index. */
export const calendarMonth = (index: number) => (index % 12) + 1;

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
