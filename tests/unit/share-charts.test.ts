import { describe, expect, it } from "vitest";
import { monthBars } from "@/app/share/[token]/charts";

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("the status page's monthly bars", () => {
  it("label each bar with its month, and the year only where a year starts", () => {
    const months = ["2024-11-01", "2024-12-01", "2025-01-01", "2025-03-01", "2026-02-01"].map((period, i) => ({ period, value: i + 1, display: `${i + 1}万元` }));
    const svg = monthBars("逐月完成投资", months).toString();
    expect(texts(svg)).toEqual(["11", "2024", "12", "01", "2025", "03", "02", "2026"]);
    // The exact month and figure stay in each bar's tooltip.
    expect(svg).toContain("<title>2025-03: 4万元</title>");
  });

  it("draw an empty month as no bar, and the tallest month full height", () => {
    const svg = monthBars("t", [
      { period: "2025-01-01", value: 0, display: "0" },
      { period: "2025-02-01", value: 50, display: "50" },
    ]).toString();
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([0, 96]);
  });
});
