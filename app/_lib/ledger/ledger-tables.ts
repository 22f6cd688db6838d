import "server-only";
import { computeHealthByProject } from "@/db/queries/health";
import { listLedgerProgress, listLedgerProjects } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { PROJECT_HEALTHS } from "@/lib/domain/values";
import type { SheetTable } from "@/lib/format/spreadsheet";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";
import { fieldLabelKey, LEDGER_SPECS, PROGRESS_LEDGER_FIELDS, PROJECT_LEDGER_FIELDS, REQUIRED_PROJECT_FIELDS, type LedgerKind } from "./columns";

/**
 * The ledgers as tables: the projects ledger has exactly the columns the import reads (plus the
 * stage, which the import leaves to the milestones), so an exported file imports back unchanged.
 */

/** "5000000000.00" → "5000000000": exact yuan without padding. */
const plainAmount = (v: string | null) => (v === null ? null : v.includes(".") ? v.replace(/\.?0+$/, "") : v);

const AMOUNT_FIELDS = new Set(["plannedInvestment", "contractedInvestment", "inPlaceInvestment", "completedInvestment"]);

/**
 * The projects ledger. After the imported columns: the stage, and the computed health of the one
 * health model (lib/domain/health.ts) on `today` — both read-only, the import ignores them.
 */
export async function projectsLedgerTable(db: Executor, { parkId, today, t }: { parkId: string; today: string; t: Translate }): Promise<SheetTable> {
  const rows = await listLedgerProjects(db, { parkId });
  const computed = await computeHealthByProject(db, { parkIds: [parkId], projectIds: rows.map((p) => p.id), today });
  return {
    name: t("ledger.exportProjects"),
    header: [...PROJECT_LEDGER_FIELDS.map((f) => t(fieldLabelKey(f))), t("ledger.col.stage"), t("ledger.col.computedHealth")],
    rows: rows.map((p) => [
      ...PROJECT_LEDGER_FIELDS.map((f) => (f === "health" ? t(`health.${p.health}`) : AMOUNT_FIELDS.has(f) ? plainAmount(p[f] as string) : p[f])),
      t(`stage.${p.stage}`),
      t(`health.${computed.get(p.id)!.health}`),
    ]),
    textColumns: [0],
  };
}

export async function progressLedgerTable(db: Executor, { parkId, t }: { parkId: string; t: Translate }): Promise<SheetTable> {
  const rows = await listLedgerProgress(db, { parkId });
  // The import's columns, with the project's name after its code for people reading the file.
  const header = PROGRESS_LEDGER_FIELDS.map((f) => t(fieldLabelKey(f)));
  header.splice(1, 0, t("ledger.col.name"));
  return {
    name: t("ledger.exportProgress"),
    header,
    rows: rows.map((e) => [
      e.code, e.name, e.period.slice(0, 7), e.narrative, e.narrativeEn, plainAmount(e.investmentCompleted), plainAmount(e.outputValue), e.sourceUrl, e.sourceRef,
    ]),
    textColumns: [0, 2],
  };
}

const PROJECT_EXAMPLE: Record<Locale, (string | number)[]> = {
  zh: ["NX-2025-001", "年产10万吨正极材料项目", "", "示例新材料有限公司", "", "新材料", "", "园区招商一局", "张副区长", "正常", 5000000000, 3000000000, 500000000, 0],
  en: [
    "NX-2025-001", "年产10万吨正极材料项目", "Cathode materials, 100,000 t a year", "示例新材料有限公司", "Example New Materials Co.", "新材料", "New materials",
    "Investment Bureau 1", "Deputy Director Zhang", "On track", 5000000000, 3000000000, 500000000, 0,
  ],
};

const PROGRESS_EXAMPLE: Record<Locale, (string | number)[]> = {
  zh: ["NX-2025-001", "2025-03", "主体结构封顶，设备陆续进场。", "", 20000000, 0, "https://example.com/report", "3月项目月报"],
  en: ["NX-2025-001", "2025-03", "主体结构封顶，设备陆续进场。", "Structure topped out; equipment arriving.", 20000000, 0, "https://example.com/report", "March report"],
};

/** The template: our headers in the user's language and one example row; the .xlsx adds a sheet of notes. */
export function ledgerTemplate(kind: LedgerKind, locale: Locale, t: Translate): SheetTable[] {
  const list = (fields: readonly string[]) => fields.map((f) => t(fieldLabelKey(f as (typeof LEDGER_SPECS)[LedgerKind]["fields"][number]))).join(locale === "zh" ? "、" : ", ");
  const notes =
    kind === "projects"
      ? [
          t("ledger.note.columns"),
          t("ledger.note.required", { columns: list(REQUIRED_PROJECT_FIELDS) }),
          t("ledger.note.amounts"),
          t("ledger.note.health", { values: PROJECT_HEALTHS.map((h) => t(`health.${h}`)).join(" / ") }),
          t("ledger.note.completed"),
        ]
      : [t("ledger.note.progress"), t("ledger.note.required", { columns: list(LEDGER_SPECS.progress.required) }), t("ledger.note.month"), t("ledger.note.amounts")];
  const fields = LEDGER_SPECS[kind].fields;
  return [
    {
      name: t(kind === "projects" ? "ledger.exportProjects" : "ledger.exportProgress"),
      header: fields.map((f) => t(fieldLabelKey(f))),
      rows: [(kind === "projects" ? PROJECT_EXAMPLE : PROGRESS_EXAMPLE)[locale]],
      textColumns: kind === "projects" ? [0] : [0, 1],
    },
    { name: t("ledger.sheetNotes"), header: [t("ledger.sheetNotes")], rows: notes.map((n) => [n]) },
  ];
}
