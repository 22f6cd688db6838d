"use client";

import { saveCapacityAction, saveLineAction, savePhaseAction } from "@/app/_lib/actions/projects";
import { capacitySchema, lineSchema, phaseSchema } from "@/lib/domain/project-schemas";
import { CAPACITY_PERIODS, CAPACITY_UNITS } from "@/lib/domain/values";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

type Scope = {
  parkId: string;
  projectId: string;
};

export function PhaseForm({ scope, phase }: { scope: Scope; phase?: { id: string; version: number; name: string; nameEn: string | null } }) {
  const { t } = useI18n();
  return (
    <ActionForm
      id={phase ? `phase-${phase.id}` : "phase-new"}
      action={savePhaseAction}
      schema={phaseSchema}
      hidden={phase ? { ...scope, phaseId: phase.id, version: phase.version } : scope}
      submitLabel={phase ? t("phase.rename") : t("phase.add")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <TextField name="name" label={t("phase.name")} defaultValue={phase?.name} required maxLength={100} />
      <TextField name="nameEn" label={t("phase.nameEn")} defaultValue={phase?.nameEn ?? ""} maxLength={100} />
    </ActionForm>
  );
}

export function LineForm({ scope, phases }: { scope: Scope; phases: { id: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <ActionForm id="line-new" action={saveLineAction} schema={lineSchema} hidden={scope} submitLabel={t("line.add")} className="grid gap-3 sm:grid-cols-3">
      <SelectField name="phaseId" label={t("line.phase")} options={phases.map((p) => ({ value: p.id, label: p.label }))} />
      <TextField name="name" label={t("line.name")} required maxLength={100} />
      <TextField name="nameEn" label={t("line.nameEn")} maxLength={100} />
    </ActionForm>
  );
}

export interface CapacityFormValues {
  id: string;
  version: number;
  phaseId: string | null;
  lineId: string | null;
  product: string;
  productEn: string | null;
  unit: string;
  period: string;
  designed: string;
  online: string;
}

/** Where a capacity belongs: the whole project, a phase, or a line (value "line:<id>" carries the line). */
export function CapacityForm({
  scope,
  targets,
  capacity,
}: {
  scope: Scope;
  targets: { phaseId: string | null; lineId: string | null; label: string }[];
  capacity?: CapacityFormValues;
}) {
  const { t } = useI18n();
  const trim = (q: string | undefined) => (q ? q.replace(/\.?0+$/, "") : "");
  return (
    <ActionForm
      id={capacity ? `capacity-${capacity.id}` : "capacity-new"}
      action={saveCapacityAction}
      schema={capacitySchema}
      hidden={capacity ? { ...scope, capacityId: capacity.id, version: capacity.version } : scope}
      submitLabel={capacity ? t("project.save") : t("capacity.add")}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      {/* Two selects would let a line and a foreign phase disagree; the server re-derives the phase of a line anyway. */}
      <SelectField
        name="attach"
        label={t("capacity.attachTo")}
        defaultValue={capacity?.lineId ? `line:${capacity.lineId}` : capacity?.phaseId ? `phase:${capacity.phaseId}` : ""}
        options={targets.map((x) => ({ value: x.lineId ? `line:${x.lineId}` : x.phaseId ? `phase:${x.phaseId}` : "", label: x.label }))}
        className="sm:col-span-2"
        onChange={(e) => {
          const form = e.currentTarget.form;
          if (!form) return;
          const [kind, id] = e.currentTarget.value.split(":");
          const target = targets.find((x) => (kind === "line" ? x.lineId === id : kind === "phase" ? x.phaseId === id && !x.lineId : !x.phaseId));
          (form.elements.namedItem("phaseId") as HTMLInputElement).value = target?.phaseId ?? "";
          (form.elements.namedItem("lineId") as HTMLInputElement).value = target?.lineId ?? "";
        }}
      />
      <input type="hidden" name="phaseId" defaultValue={capacity?.phaseId ?? ""} />
      <input type="hidden" name="lineId" defaultValue={capacity?.lineId ?? ""} />
      <TextField name="product" label={t("capacity.product")} defaultValue={capacity?.product} required maxLength={100} />
      <TextField name="productEn" label={t("capacity.productEn")} defaultValue={capacity?.productEn ?? ""} maxLength={100} />
      <TextField name="designed" label={t("capacity.designed")} defaultValue={trim(capacity?.designed)} inputMode="decimal" required />
      <TextField name="online" label={t("capacity.online")} defaultValue={trim(capacity?.online) || "0"} inputMode="decimal" required />
      <SelectField name="unit" label={t("capacity.unit")} defaultValue={capacity?.unit ?? "t"} options={CAPACITY_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))} />
      <SelectField name="period" label={t("capacity.period")} defaultValue={capacity?.period ?? "year"} options={CAPACITY_PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))} />
    </ActionForm>
  );
}
