import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/safe-redirect";

const BASE = "http://parkline.invalid";

/** Strings built from the pieces that change how a URL parser and a browser read a path. */
const tricky = fc
  .array(fc.constantFrom("/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "evil.example", ":", "@", "?", "#", "\t", "\n", " ", "a", "%", "javascript:", "http:"), { maxLength: 12 })
  .map((parts) => parts.join(""));
/** Mostly strings that start like a path, as the ones that got through did. */
const anyInput = fc.oneof(tricky.map((s) => `/${s}`), tricky, fc.string());

describe("safeCallbackPath, as properties", () => {
  it("never returns a path a browser would read as another host", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const out = safeCallbackPath(raw);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out.startsWith("/\\")).toBe(false);
        expect(new URL(out, BASE).origin).toBe(BASE);
        // Browsers drop tabs and newlines before parsing: still a path here.
        expect(/^\/[/\\]/.test(out.replace(/[\t\n\r]/g, ""))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("cleans once: cleaning its output again changes nothing", () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        expect(safeCallbackPath(safeCallbackPath(raw))).toBe(safeCallbackPath(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps an ordinary path as it is", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const path = `/${segments.join("/")}`;
        expect(safeCallbackPath(path)).toBe(path);
      }),
    );
  });

  it.each(["/.//evil.example", "/./\\evil.example", "/a/..//evil.example", "/%2e//evil.example"])("refuses %s", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
    expect(safeCallbackPath(raw, "")).toBe("");
  });
});
