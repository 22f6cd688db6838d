import { describe, expect, it } from "vitest";
import { backoffMs, paramsFor } from "@/lib/domain/notifications";
import {
  buildRollCall, deadlineOf, inReminderWindow, isExpected, lastMonths, reportingRate, reportStatus, shiftMonth, weekOf, type ReportingRow,
} from "@/lib/domain/reporting";

describe("the reporting rules", () => {
  it("dates a month's deadline and walks months across years", () => {
    expect(deadlineOf("2026-02-01", 25)).toBe("2026-02-25");
    expect(deadlineOf("2026-02-01", 5)).toBe("2026-02-05");
    expect(shiftMonth("2026-01-01", -1)).toBe("2025-12-01");
    expect(shiftMonth("2025-12-01", 1)).toBe("2026-01-01");
    expect(shiftMonth("2026-03-01", -14)).toBe("2025-01-01");
    expect(lastMonths("2026-03-17", 3)).toEqual(["2026-03-01", "2026-02-01", "2026-01-01"]);
  });

  it("counts a first report on the deadline day as on time, the day after as late", () => {
    const base = { period: "2026-03-01", deadlineDay: 25, today: "2026-04-10" };
    expect(reportStatus({ ...base, firstReportedOn: "2026-03-25" })).toBe("on_time");
    expect(reportStatus({ ...base, firstReportedOn: "2026-03-26" })).toBe("late");
    expect(reportStatus({ ...base, firstReportedOn: null })).toBe("missing");
    expect(reportStatus({ ...base, firstReportedOn: null, today: "2026-03-25" })).toBe("pending");
    expect(reportStatus({ ...base, firstReportedOn: null, today: "2026-03-26" })).toBe("missing");
  });

  it("expects a report only from projects that existed by the deadline, and only from months begun", () => {
    expect(isExpected({ period: "2026-03-01", deadlineDay: 25, createdOn: "2026-03-25", today: "2026-03-30" })).toBe(true);
    expect(isExpected({ period: "2026-03-01", deadlineDay: 25, createdOn: "2026-03-26", today: "2026-03-30" })).toBe(false);
    expect(isExpected({ period: "2026-04-01", deadlineDay: 25, createdOn: "2026-01-01", today: "2026-03-30" })).toBe(false);
  });

  it("computes 报送率 as reported over expected, in whole percent, none when nothing is due", () => {
    expect(reportingRate({ expected: 3, reported: 2 })).toBe(67);
    expect(reportingRate({ expected: 0, reported: 0 })).toBeNull();
  });

  it("opens the reminder window N days before the deadline and closes it after the deadline", () => {
    const settings = { deadlineDay: 25, remindDaysBefore: 3 };
    expect(inReminderWindow("2026-03-21", settings)).toBe(false);
    expect(inReminderWindow("2026-03-22", settings)).toBe(true);
    expect(inReminderWindow("2026-03-25", settings)).toBe(true);
    expect(inReminderWindow("2026-03-26", settings)).toBe(false);
    expect(inReminderWindow("2026-03-25", { deadlineDay: 25, remindDaysBefore: 0 })).toBe(true);
  });

  it("keys the weekly digest by the Monday of the week", () => {
    expect(weekOf("2026-12-07")).toBe("2026-12-07"); // a Monday
    expect(weekOf("2026-12-13")).toBe("2026-12-07"); // the Sunday after
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
  });

  it("builds the roll-call per month, park and officer from its rows", () => {
    const row = (over: Partial<ReportingRow>): ReportingRow => ({
      parkId: "p1", projectId: "a", code: "A", name: "甲", nameEn: null, officerId: "o1", officerName: "王", createdOn: "2025-01-01", deadlineDay: 25,
      period: "2026-03-01", firstReportedOn: null, ...over,
    });
    const rows = [
      row({ projectId: "a", code: "A", firstReportedOn: "2026-03-20" }),
      row({ projectId: "b", code: "B", firstReportedOn: "2026-03-27" }),
      row({ projectId: "c", code: "C", officerId: null, officerName: null }),
      row({ projectId: "d", code: "D", parkId: "p2", officerId: "o2", officerName: "李" }),
      row({ projectId: "a", code: "A", period: "2026-02-01", firstReportedOn: "2026-03-01" }),
      // Created after March's deadline: not expected in March.
      row({ projectId: "e", code: "E", createdOn: "2026-03-26" }),
    ];
    const rc = buildRollCall(rows, "2026-03-28");
    expect(rc.currentPeriod).toBe("2026-03-01");
    expect(rc.months).toEqual([
      { period: "2026-03-01", count: { expected: 4, reported: 2, late: 1, missing: 2 } },
      { period: "2026-02-01", count: { expected: 1, reported: 1, late: 1, missing: 0 } },
    ]);
    expect(rc.byPark.get("p1")).toEqual({ expected: 3, reported: 2, late: 1, missing: 1 });
    expect(rc.byPark.get("p2")).toEqual({ expected: 1, reported: 0, late: 0, missing: 1 });
    expect(rc.byOfficer.map((o) => [o.officerName, o.count.expected])).toEqual([["李", 1], ["王", 2], [null, 1]]);
    expect(rc.notReported.map((r) => r.code)).toEqual(["C", "D"]);
    expect(rc.late.map((r) => `${r.code} ${r.period}`)).toEqual(["B 2026-03-01", "A 2026-02-01"]);
  });
});

describe("notification rules", () => {
  it("renders English names where there are ones, Chinese otherwise", () => {
    const params = { park: "宁乡高新区", parkEn: "Ningxiang HTZ", project: "负极材料", projectEn: "", count: 2 };
    expect(paramsFor(params, "en")).toEqual({ park: "Ningxiang HTZ", project: "负极材料", count: 2 });
    expect(paramsFor(params, "zh")).toEqual({ park: "宁乡高新区", project: "负极材料", count: 2 });
  });

  it("backs off exponentially between attempts", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
});
