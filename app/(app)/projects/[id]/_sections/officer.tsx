import { Card } from "@/components/ui/card";
import type { ProjectDetail } from "@/db/queries/project-detail";
import type { Translate } from "@/lib/i18n/translate";
import { OfficerForm } from "./officer-form";

/** Who reports this project each month: shown to everyone, chosen among the park's members by its editors. */
export function OfficerSection({ detail, canEdit, members, t }: { detail: ProjectDetail; canEdit: boolean; members: { userId: string; name: string; email: string }[]; t: Translate }) {
  const officerId = detail.project.officerId;
  const current = members.find((m) => m.userId === officerId);
  return (
    <Card aria-labelledby="officer-title" className="space-y-3 p-5">
      <h2 id="officer-title" className="text-lg font-semibold">
        {t("reporting.officerTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("reporting.officerExplain")}</p>
      {canEdit ? (
        <OfficerForm
          parkId={detail.park.id}
          projectId={detail.project.id}
          officerId={officerId}
          options={[{ value: "", label: t("reporting.officerNone") }, ...members.map((m) => ({ value: m.userId, label: `${m.name} · ${m.email}` }))]}
        />
      ) : (
        <p className="text-sm" data-testid="officer">{current ? current.name : t("reporting.noOfficer")}</p>
      )}
    </Card>
  );
}
