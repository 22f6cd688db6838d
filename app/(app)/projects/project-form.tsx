"use client";

import type { ChangeEvent } from "react";
import { createProjectAction, updateProjectAction } from "@/app/_lib/actions/projects";
import { createProjectSchema, updateProjectSchema } from "@/lib/domain/project-schemas";
import { PROJECT_HEALTHS } from "@/lib/domain/values";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export interface ProjectFormValues {
  code: string;
  name: string;
  nameEn: string | null;
  company: string;
  companyEn: string | null;
  cluster: string;
  clusterEn: string | null;
  responsibleUnit: string | null;
  leaderInCharge: string | null;
  health: string;
  plannedInvestment: string;
  contractedInvestment: string;
  inPlaceInvestment: string;
  completedInvestment: string;
}

/** Amounts are shown as plain yuan ("5000000000"); people may type them any way parseAmount accepts. */
function plainYuan(value: string | undefined): string {
  if (!value) return "";
  return value.replace(/\.00$/, "");
}

/**
 * The cluster is free text, as it always was (ledgers bring their own); the park's clusters (set in
 * organisation admin) are offered as choices, and picking one fills its English name when that is empty.
 */
function fillClusterEn(event: ChangeEvent<HTMLInputElement>, clusters: ParkClusterChoice[]) {
  const chosen = clusters.find((c) => c.name === event.currentTarget.value);
  const english = event.currentTarget.form?.elements.namedItem("clusterEn");
  if (chosen?.nameEn && english instanceof HTMLInputElement && !english.value) english.value = chosen.nameEn;
}

export interface ParkClusterChoice {
  name: string;
  nameEn: string | null;
}

export function ProjectForm({ parkId, project, clusters }: { parkId: string; project?: ProjectFormValues & { id: string; version: number }; clusters: ParkClusterChoice[] }) {
  const { t } = useI18n();
  const editing = Boolean(project);
  return (
    <ActionForm
      id={editing ? "project-edit" : "project-new"}
      action={editing ? updateProjectAction : createProjectAction}
      schema={editing ? updateProjectSchema : createProjectSchema}
      hidden={project ? { parkId, projectId: project.id, version: project.version } : { parkId }}
      submitLabel={editing ? t("project.save") : t("project.create")}
    >
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("project.overview")}</legend>
        <TextField name="code" label={t("project.code")} hint={t("project.codeHint")} defaultValue={project?.code} required maxLength={40} />
        <SelectField
          name="health"
          label={t("project.reportedHealth")}
          defaultValue={project?.health ?? "on_track"}
          options={PROJECT_HEALTHS.map((h) => ({ value: h, label: t(`health.${h}`) }))}
        />
        <TextField name="name" label={t("project.name")} defaultValue={project?.name} required maxLength={200} />
        <TextField name="nameEn" label={t("project.nameEn")} defaultValue={project?.nameEn ?? ""} maxLength={200} />
        <TextField name="company" label={t("project.company")} defaultValue={project?.company} required maxLength={200} />
        <TextField name="companyEn" label={t("project.companyEn")} defaultValue={project?.companyEn ?? ""} maxLength={200} />
        <TextField
          name="cluster"
          label={t("project.cluster")}
          hint={clusters.length ? t("project.clusterHint") : undefined}
          defaultValue={project?.cluster}
          required
          maxLength={80}
          list={clusters.length ? "park-clusters" : undefined}
          autoComplete="off"
          onChange={(e) => fillClusterEn(e, clusters)}
        />
        <TextField name="clusterEn" label={t("project.clusterEn")} defaultValue={project?.clusterEn ?? ""} maxLength={80} list={clusters.length ? "park-clusters-en" : undefined} autoComplete="off" />
        {clusters.length ? (
          <>
            <datalist id="park-clusters">
              {clusters.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.nameEn ?? ""}
                </option>
              ))}
            </datalist>
            <datalist id="park-clusters-en">
              {clusters.flatMap((c) => (c.nameEn ? [<option key={c.name} value={c.nameEn} />] : []))}
            </datalist>
          </>
        ) : null}
        <TextField name="responsibleUnit" label={t("project.responsibleUnit")} defaultValue={project?.responsibleUnit ?? ""} maxLength={200} />
        <TextField name="leaderInCharge" label={t("project.leaderInCharge")} defaultValue={project?.leaderInCharge ?? ""} maxLength={100} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-base font-semibold">{t("project.investment")}</legend>
        <p className="text-sm text-slate-600 sm:col-span-2">{t("project.amountHint")}</p>
        <TextField name="plannedInvestment" label={t("project.planned")} defaultValue={plainYuan(project?.plannedInvestment) || "0"} inputMode="text" />
        <TextField name="contractedInvestment" label={t("project.contracted")} defaultValue={plainYuan(project?.contractedInvestment) || "0"} />
        <TextField name="inPlaceInvestment" label={t("project.inPlace")} defaultValue={plainYuan(project?.inPlaceInvestment) || "0"} />
        {editing ? null : <TextField name="completedInvestment" label={t("project.completed")} defaultValue="0" />}
      </fieldset>
    </ActionForm>
  );
}
