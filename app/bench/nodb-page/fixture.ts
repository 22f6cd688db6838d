import { monthWindow } from "@/lib/domain/series";
import { assembleParkDashboard, type ParkDashboard, type ParkDashboardRows } from "@/app/_lib/dashboard/data";
import type { ParkMembership } from "@/db/queries/accounts";
import { CAPACITY_PERIODS, CAPACITY_UNITS, PROJECT_HEALTHS } from "@/lib/domain/values";

/**
 * A park of the size `npm run bench:data` makes (400 projects, 24 capacity rows, 36 months of
 * entries), as the dashboard's queries would return it — made up in memory, deterministically, so
 * the reference page renders what the dashboard renders without touching a database.
 */
export const FIXTURE_PARK: ParkMembership = {
  parkId: "00000000-0000-4000-8000-000000000001",
  role: "viewer",
  slug: "bench-reference",
  name: "基准园区",
  nameEn: "Reference Park",
  province: "湖南省",
  provinceEn: "Hunan",
  city: "长沙市",
  cityEn: "Changsha",
  archived: false,
  isDemo: false,
};

const CLUSTERS = [
  ["新能源", "New energy"], ["新材料", "New materials"], ["装备制造", "Equipment"], ["电子信息", "Electronics"],
  ["生物医药", "Biomedicine"], ["汽车零部件", "Auto parts"], ["食品加工", "Food processing"], ["新型建材", "Building materials"],
] as const;

/** A fixed sequence in [0, 1): the same page on every request and in every process. */
function draws(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

const yuan = (n: number) => n.toFixed(2);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function fixtureRows(today: string): ParkDashboardRows {
  const r = draws(20261122);
  const year = Number(today.slice(0, 4));
  const project = (n: number) => ({ id: id(n), code: `REF-${n}`, name: `基准项目 ${n}`, nameEn: `Reference project ${n}` });
  const periods = monthWindow(today, 24);
  const monthly = monthWindow(today, 36).map((period) => ({ period, investment: yuan(2e9 + r() * 2e9), output: yuan(4e9 + r() * 3e9) }));
  const capacityByCluster = CLUSTERS.flatMap(([cluster, clusterEn], c) =>
    [0, 1, 2].map((k) => ({
      cluster,
      clusterEn,
      unit: CAPACITY_UNITS[(c + k) % CAPACITY_UNITS.length]!,
      period: CAPACITY_PERIODS[k]!,
      designed: (1e4 + r() * 1e8).toFixed(4),
      online: (1e3 + r() * 1e7).toFixed(4),
    })),
  );
  return {
    rollup: {
      stages: { signed: 155, construction: 113, production: 88, full_capacity: 44 },
      totals: { projects: 400, planned: "224802831853.39", contracted: "177535005410.54", inPlace: "89923039248.98", completed: "105378675397.11" },
      monthly,
      annualPlan: "44960560000.00",
      capacityByCluster,
      openProblemCount: 31,
    },
    late: Array.from({ length: 6 }, (_, i) => ({
      projectId: id(i + 1), code: `REF-${i + 1}`, name: `基准项目 ${i + 1}`, nameEn: `Reference project ${i + 1}`,
      type: "production" as const, customLabel: null, plannedDate: addDays(today, -500 + i * 20), forecastDate: addDays(today, 100 + i), daysLate: 500 - i * 20,
      originalPlannedDate: addDays(today, -560 + i * 20), daysLateOriginal: 560 - i * 20,
    })),
    lateTotal: 159,
    problems: Array.from({ length: 6 }, (_, i) => ({
      ...project(10 + i), id: id(1000 + i), projectId: id(10 + i), description: "环评批复待出具", owner: "园区经发局", dueDate: addDays(today, -60 + i * 7),
    })),
    paceInputs: Array.from({ length: 400 }, (_, i) => ({
      ...project(i + 1),
      health: PROJECT_HEALTHS[i % 3]!,
      stage: "construction" as const,
      plannedInvestment: yuan(1e8 + r() * 1e9),
      completedInvestment: yuan(r() * 5e8),
      milestones: [
        { type: "construction_start" as const, plannedDate: addDays(today, -400 + Math.floor(r() * 300)), forecastDate: null, actualDate: r() < 0.7 ? addDays(today, -300) : null },
        { type: "production" as const, plannedDate: addDays(today, 200 + Math.floor(r() * 300)), forecastDate: null, actualDate: null },
      ],
    })),
    ruleRow: null,
    targets: [
      { metric: "investment" as const, value: "40500000000.00", year: year - 1, baseYear: year - 2, baseValue: "36000000000.00", statedGrowthPct: "12.50" },
      { metric: "investment" as const, value: "44960560000.00", year, baseYear: year - 1, baseValue: "40500000000.00", statedGrowthPct: "11.00" },
      { metric: "output_value" as const, value: "404600000000.00", year: year + 2, baseYear: year - 1, baseValue: "269800000000.00", statedGrowthPct: "14.50" },
    ].map((t, i) => ({ ...t, id: id(2000 + i), parkId: FIXTURE_PARK.parkId, version: 1, createdAt: new Date(0), updatedAt: new Date(0) })),
    yearly: [year - 3, year - 2, year - 1, year].map((y) => ({ year: y, investment: yuan(3.4e10 + r() * 2e9), output: yuan(6.6e10 + r() * 2e9) })),
    timelineLate: Array.from({ length: 10 }, (_, i) => timelineProject(i + 1, addDays(today, -500 + i * 15), today)),
    timelineNext: Array.from({ length: 10 }, (_, i) => timelineProject(100 + i, addDays(today, i * 3), today)),
    timelineDone: [],
    timelineTotal: 400,
    ramp: capacityByCluster.map((c) => ({
      key: `${c.cluster}|${c.unit}|${c.period}`,
      cluster: c.cluster,
      clusterEn: c.clusterEn,
      unit: c.unit,
      period: c.period,
      values: periods.map((_, m) => (Number(c.online) * (0.6 + m / 60)).toFixed(4)),
    })),
  };
}

function timelineProject(n: number, nextDue: string, today: string) {
  const milestone = (k: number, type: "signed" | "construction_start" | "production" | "full_capacity", plannedDate: string, reached: boolean) => ({
    id: id(5000 + n * 4 + k), projectId: id(n), type, customLabel: null, plannedDate, forecastDate: null, actualDate: reached ? addDays(plannedDate, 20) : null,
  });
  return {
    id: id(n), code: `REF-${n}`, name: `基准项目 ${n}`, nameEn: `Reference project ${n}`, nextDue,
    milestones: [
      milestone(0, "signed", addDays(nextDue, -900), true),
      milestone(1, "construction_start", addDays(nextDue, -700), true),
      milestone(2, "production", nextDue, false),
      milestone(3, "full_capacity", addDays(nextDue, 300), addDays(nextDue, 300) < addDays(today, -1000)),
    ],
  };
}

// Assembled once per day, as the dashboard's figures are cached once per day and data version.
let assembled: { today: string; data: ParkDashboard } | null = null;

/** The reference park's dashboard figures for `today`. */
export function fixtureDashboard(today: string): ParkDashboard {
  if (assembled?.today !== today) assembled = { today, data: assembleParkDashboard(fixtureRows(today), today) };
  return assembled.data;
}
