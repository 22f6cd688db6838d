import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pageExtensionsFor } from "@/bench/route-files";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const escape = (ext: string) => ext.replace(/\./g, "\\.");

/** The URL paths Next.js would serve from app/ and pages/api/ with these page extensions (its naming rules). */
function routedFiles(extensions: string[]): string[] {
  const ext = extensions.map(escape).join("|");
  const appEntry = new RegExp(`(^|/)(page|route)\\.(${ext})$`);
  const pagesEntry = new RegExp(`\\.(${ext})$`);
  const app = (readdirSync(join(ROOT, "app"), { recursive: true }) as string[]).filter((f) => appEntry.test(f)).map((f) => `app/${f}`);
  const pages = (readdirSync(join(ROOT, "pages"), { recursive: true }) as string[]).filter((f) => pagesEntry.test(f)).map((f) => `pages/${f}`);
  return [...app, ...pages];
}

describe("the bench's reference routes", () => {
  it("are no route of a plain build", () => {
    const routed = routedFiles(pageExtensionsFor(false));
    expect(routed.length).toBeGreaterThan(10);
    expect(routed.filter((f) => f.includes("bench"))).toEqual([]);
  });

  it("are routes of a bench build, and nothing else is added", () => {
    const plain = routedFiles(pageExtensionsFor(false));
    const bench = routedFiles(pageExtensionsFor(true)).filter((f) => !plain.includes(f)).sort();
    expect(bench).toEqual([
      "app/bench/bare/route.bench.ts",
      "app/bench/empty/page.bench.tsx",
      "app/bench/nodb-page/page.bench.tsx",
      "app/bench/nodb/route.bench.ts",
      "pages/api/bench/bare.bench.mts",
    ]);
  });
});
