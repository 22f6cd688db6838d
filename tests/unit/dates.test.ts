import { describe, expect, it } from "vitest";
import { formatChinaDate, formatChinaDateTime } from "@/lib/format/dates";
import { isoToday } from "@/lib/domain/milestones";

describe("China time", () => {
  // 17:30 UTC on 1 March is 01:30 on 2 March in China: a server in UTC would say the 1st.
  const lateEvening = new Date("2026-03-01T17:30:00Z");

  it("reads an instant in China time, whatever the process's zone", () => {
    expect(formatChinaDateTime(lateEvening)).toBe("2026-03-02 01:30");
    expect(formatChinaDateTime(lateEvening)).toBe("2026-03-02 01:30");
  });

  it("gives the China day of an instant", () => {
    expect(formatChinaDate(lateEvening)).toBe("2026-03-02");
    expect(formatChinaDate(lateEvening)).toBe("2026-03-02"); // YYYY-MM-DD in both languages
    expect(formatChinaDate(new Date("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
  });

  it("starts today at midnight in China, not in UTC", () => {
    expect(isoToday(lateEvening)).toBe("2026-03-02");
    expect(isoToday(new Date("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(isoToday(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});
