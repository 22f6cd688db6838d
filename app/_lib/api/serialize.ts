import "server-only";
import type { ApiProgressEntry, ApiProject } from "@/db/queries/api-reads";
import type { Capacity, Milestone, Park, Phase, ProductionLine } from "@/db/schema";
import { toFen } from "@/lib/domain/rollups";
import type { CapacityJson, LineJson, MilestoneJson, PhaseJson, ProgressEntryJson, ProjectJson } from "./schemas";

/** Exact yuan with two decimals, whatever scale the sum or the column had ("5e9" never happens: inputs are decimal strings). */
export function money(value: string): string {
  const fen = toFen(value);
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** A quantity without the trailing zeros of its numeric(20,4) column: "10000.0000" → "10000". */
export function quantity(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

const optionalMoney = (value: string | null) => (value === null ? null : money(value));

/** An ETag is the row's version, quoted; If-Match takes it back. */
export const etagOf = (version: number) => `"${version}"`;

export function parkJson(park: Park, role: "admin" | "editor" | "viewer", canWrite: boolean) {
  const { id, slug, name, nameEn, province, provinceEn, city, cityEn } = park;
  return { id, slug, name, nameEn, province, provinceEn, city, cityEn, role, canWrite };
}

export function projectJson(p: ApiProject): ProjectJson {
  return {
    ...p,
    plannedInvestment: money(p.plannedInvestment),
    contractedInvestment: money(p.contractedInvestment),
    inPlaceInvestment: money(p.inPlaceInvestment),
    completedInvestment: money(p.completedInvestment),
    capacity: p.capacity.map((c) => ({ unit: c.unit, period: c.period, designed: quantity(c.designed), online: quantity(c.online) })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function phaseJson(p: Phase): PhaseJson {
  return { id: p.id, projectId: p.projectId, seq: p.seq, name: p.name, nameEn: p.nameEn, stage: p.stage, version: p.version };
}

export function lineJson(l: ProductionLine): LineJson {
  return { id: l.id, projectId: l.projectId, phaseId: l.phaseId, seq: l.seq, name: l.name, nameEn: l.nameEn, version: l.version };
}

export function capacityJson(c: Capacity): CapacityJson {
  const { id, projectId, phaseId, lineId, product, productEn, unit, period, version } = c;
  return { id, projectId, phaseId, lineId, product, productEn, unit, period, designed: quantity(c.designed), online: quantity(c.online), version };
}

export function milestoneJson(m: Milestone): MilestoneJson {
  const { id, projectId, type, customLabel, plannedDate, forecastDate, actualDate, version } = m;
  return { id, projectId, type, customLabel, plannedDate, forecastDate, actualDate, version };
}

export function progressEntryJson(e: ApiProgressEntry): ProgressEntryJson {
  return {
    id: e.id,
    projectId: e.projectId,
    period: e.period.slice(0, 7),
    narrative: e.narrative,
    narrativeEn: e.narrativeEn,
    investmentCompleted: optionalMoney(e.investmentCompleted),
    outputValue: optionalMoney(e.outputValue),
    sourceUrl: e.sourceUrl,
    sourceRef: e.sourceRef,
    supersedesId: e.supersedesId,
    superseded: e.superseded,
    online: e.online.map((o) => ({ capacityId: o.capacityId, online: quantity(o.online) })),
    authorName: e.authorName,
    createdAt: e.createdAt.toISOString(),
  };
}
