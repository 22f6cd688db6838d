// The project's history as sentences in the reader's language: every audited field has a label, and
// its values are formatted as the rest of the page formats them (money through formatMoney, dates
// YYYY-MM-DD, units, stages, health, milestone types). No raw keys, JSON or ISO timestamps.
import { REDACTION_SECTIONS } from "../domain/share-schemas";
import { MILESTONE_TYPES, PROJECT_HEALTHS, PROJECT_STAGES, type MilestoneType, type ProjectHealth, type ProjectStage } from "../domain/values";
import type { Locale } from "../i18n/locale";
import type { MessageKey, Translate } from "../i18n/translate";
import { formatChinaDate, formatChinaDateTime } from "./dates";
import { formatMoney, formatNumber } from "./numbers";
import { isCapacityPeriod, isCapacityUnit, periodLabel, unitLabel } from "./units";

export interface AuditEventText {
  entity: string;
  action: string;
  changes: unknown;
}

export interface HistorySentences {
  /** "Milestone re-baselined" / "节点调整基线". */
  title: string;
  /** One sentence per changed field. */
  sentences: string[];
}

/** How each audited field's values read. Fields not listed are text. */
type Kind = "money" | "date" | "instant" | "month" | "health" | "stage" | "milestoneType" | "unit" | "capacityPeriod" | "quantity" | "number" | "reference" | "problemStatus" | "scope" | "redaction" | "text";

const KIND: Record<string, Kind> = {
  plannedInvestment: "money", contractedInvestment: "money", inPlaceInvestment: "money", completedInvestment: "money",
  investmentCompleted: "money", outputValue: "money",
  plannedDate: "date", forecastDate: "date", actualDate: "date", dueDate: "date",
  expiresAt: "instant", snapshotAt: "instant", revokedAt: "instant",
  health: "health", stage: "stage", type: "milestoneType", unit: "unit",
  designed: "quantity", online: "quantity", seq: "number",
  phaseId: "reference", lineId: "reference", supersedesId: "reference", projectId: "reference",
  status: "problemStatus", scope: "scope", redaction: "redaction",
};

/** Every field the project's history can name: its label key. A test checks each has both languages. */
export const HISTORY_FIELDS = [
  "code", "name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge", "health", "stage",
  "plannedInvestment", "contractedInvestment", "inPlaceInvestment", "completedInvestment",
  "seq", "phaseId", "lineId", "product", "productEn", "unit", "period", "designed", "online",
  "type", "customLabel", "plannedDate", "forecastDate", "actualDate", "reason",
  "narrative", "investmentCompleted", "outputValue", "sourceUrl", "sourceRef", "supersedesId",
  "description", "owner", "dueDate", "note", "status",
  "label", "scope", "projectId", "redaction", "expiresAt", "snapshotAt", "revokedAt",
] as const;

const fieldKey = (entity: string, field: string): MessageKey | null => {
  // A capacity's period is per year/month/day; a progress entry's is the month it reports.
  if (field === "period") return entity === "capacity" ? "history.field.capacityPeriod" : "history.field.period";
  return (HISTORY_FIELDS as readonly string[]).includes(field) ? (`history.field.${field}` as MessageKey) : null;
};

function kindOf(entity: string, field: string): Kind {
  if (field === "period") return entity === "capacity" ? "capacityPeriod" : "month";
  return KIND[field] ?? "text";
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";
const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/** One value as the page shows it; null for a value that has no reading (an id). */
function formatValue(kind: Kind, value: unknown, locale: Locale, t: Translate): string | null {
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
  switch (kind) {
    case "money":
      return text === null ? null : formatMoney(text, locale);
    case "date":
      return text === null ? null : text.slice(0, 10);
    case "instant": {
      if (text === null) return null;
      const at = new Date(text);
      if (Number.isNaN(at.getTime())) return text.slice(0, 10);
      // A whole China day (midnight there) reads as a date; any other moment with its time.
      return formatChinaDateTime(at).endsWith(" 00:00") ? formatChinaDate(at) : formatChinaDateTime(at);
    }
    case "month":
      return text === null ? null : text.slice(0, 7);
    case "health":
      return (PROJECT_HEALTHS as readonly string[]).includes(text ?? "") ? t(`health.${text as ProjectHealth}`) : text;
    case "stage":
      return (PROJECT_STAGES as readonly string[]).includes(text ?? "") ? t(`stage.${text as ProjectStage}`) : text;
    case "milestoneType":
      return (MILESTONE_TYPES as readonly string[]).includes(text ?? "") ? t(`milestone.type.${text as MilestoneType}`) : text;
    case "unit":
      return isCapacityUnit(text) ? unitLabel(text, locale) : text;
    case "capacityPeriod":
      return isCapacityPeriod(text) ? periodLabel(text, locale) : text;
    case "quantity":
    case "number":
      return text === null ? null : formatNumber(text, locale);
    case "reference":
      return null;
    case "problemStatus":
      return text === "open" || text === "closed" ? t(`history.status.${text}`) : text;
    case "scope":
      return text === "park" || text === "project" ? t(`history.scope.${text}`) : text;
    case "redaction": {
      if (typeof value !== "object" || value === null) return null;
      const shown = REDACTION_SECTIONS.filter((s) => (value as Record<string, unknown>)[s] === true).map((s) => t(`history.section.${s}`));
      return shown.length ? shown.join(locale === "zh" ? "、" : ", ") : t("history.section.none");
    }
    case "text":
      return text === null ? (typeof value === "boolean" ? t(value ? "history.yes" : "history.no") : null) : clip(text);
  }
}

/** One field's change as a sentence: set, changed from … to …, or cleared. */
export function changeSentence(entity: string, field: string, before: unknown, after: unknown, locale: Locale, t: Translate): string {
  const key = fieldKey(entity, field);
  const label = key ? t(key) : t("history.field.other");
  const kind = kindOf(entity, field);
  if (kind === "reference") {
    if (field === "supersedesId") return t("history.corrects");
    return t(isEmpty(after) ? "history.cleared" : "history.changedNoValue", { field: label });
  }
  const from = isEmpty(before) ? null : formatValue(kind, before, locale, t);
  const to = isEmpty(after) ? null : formatValue(kind, after, locale, t);
  if (from === null && to === null) return t("history.changedNoValue", { field: label });
  if (from === null) return t("history.set", { field: label, to: to! });
  if (to === null) return t("history.clearedFrom", { field: label, from });
  return t("history.changed", { field: label, from, to });
}

const ENTITIES = ["project", "phase", "line", "capacity", "milestone", "progress_entry", "problem", "share_link"] as const;
const ACTIONS = ["create", "update", "delete", "supersede", "derive", "rebaseline", "close"] as const;

/** An audit event of a project as a title and one sentence per field, in the reader's language. */
export function historySentences(event: AuditEventText, locale: Locale, t: Translate): HistorySentences {
  const entity = (ENTITIES as readonly string[]).includes(event.entity) ? t(`audit.entity.${event.entity as (typeof ENTITIES)[number]}`) : t("history.entity.other");
  const action = (ACTIONS as readonly string[]).includes(event.action) ? t(`audit.action.${event.action as (typeof ACTIONS)[number]}`) : t("history.action.other");
  const changes = event.changes && typeof event.changes === "object" ? Object.entries(event.changes as Record<string, unknown>) : [];
  const sentences = changes.map(([field, pair]) => {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair];
    return changeSentence(event.entity, field, before, after, locale, t);
  });
  return { title: t("history.title", { entity, action }), sentences };
}
