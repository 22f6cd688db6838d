/**
 * The bench's reference routes (app/bench, pages/api/bench) are named `*.bench.tsx`, `*.bench.ts` and
 * `*.bench.mts`. Next.js takes a file as a page or route only when its name ends in one of
 * `pageExtensions`: the plain list matches none of those names (app/ wants exactly `page.tsx`/`route.ts`,
 * and no plain extension is `.mts`), so only a build with the flag has them.
 */
export const BENCH_ROUTES_FLAG = "PARKLINE_BENCH_ROUTES";

const PLAIN = ["tsx", "ts", "jsx", "js"];

export function pageExtensionsFor(benchRoutes: boolean): string[] {
  return benchRoutes ? ["bench.tsx", "bench.ts", "bench.mts", ...PLAIN] : PLAIN;
}
