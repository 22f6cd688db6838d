import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** The first fixed versions from SECURITY.md; an installed version below any of them fails. */
const MINIMUM: Record<string, string> = {
  next: "16.3.3",
  react: "19.2.1",
  "react-dom": "19.2.1",
  "next-auth": "5.0.0-beta.32",
  "@auth/core": "0.41.3",
};

function installed(name: string): string {
  return (JSON.parse(readFileSync(join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** Semver order, with prereleases (5.0.0-beta.32) below their release and compared by their numbers. */
export function compareVersions(a: string, b: string): number {
  const [coreA = "", preA] = a.split("-", 2);
  const [coreB = "", preB] = b.split("-", 2);
  const nums = (s: string) => s.split(".").map((x) => Number.parseInt(x, 10) || 0);
  const [x, y] = [nums(coreA), nums(coreB)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  if (preA === undefined || preB === undefined) return (preA === undefined ? 1 : 0) - (preB === undefined ? 1 : 0);
  const [p, q] = [preA.split("."), preB.split(".")];
  for (let i = 0; i < Math.max(p.length, q.length); i++) {
    const [u, v] = [p[i] ?? "", q[i] ?? ""];
    if (u === v) continue;
    const [nu, nv] = [Number(u), Number(v)];
    return Number.isFinite(nu) && Number.isFinite(nv) ? nu - nv : u.localeCompare(v);
  }
  return 0;
}

describe("version gate (SECURITY.md)", () => {
  it("compares versions the way npm does", () => {
    expect(compareVersions("16.4.6", "16.3.3")).toBeGreaterThan(0);
    expect(compareVersions("16.3.2", "16.3.3")).toBeLessThan(0);
    expect(compareVersions("16.10.0", "16.9.9")).toBeGreaterThan(0);
    expect(compareVersions("5.0.0-beta.31", "5.0.0-beta.32")).toBeLessThan(0);
    expect(compareVersions("5.0.0-beta.100", "5.0.0-beta.32")).toBeGreaterThan(0);
    expect(compareVersions("5.0.0", "5.0.0-beta.32")).toBeGreaterThan(0);
    expect(compareVersions("19.2.1", "19.2.1")).toBe(0);
  });

  it.each(Object.entries(MINIMUM))("%s is at least %s", (name, minimum) => {
    const version = installed(name);
    expect(compareVersions(version, minimum), `${name} ${version} is below ${minimum}, the first release with the fixes SECURITY.md lists`).toBeGreaterThanOrEqual(0);
  });
});
