import { DemoParkLabel } from "@/components/parks/demo-label";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ProgressForm } from "@/app/(app)/projects/[id]/log/progress-form";
import { isoToday } from "@/lib/domain/milestones";
import { formatQuantity } from "@/lib/format/numbers";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";
import { loadProject } from "../load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { detail } = await loadProject((await params).id);
  const { locale, t } = await getTranslator();
  return { title: t("progress.formTitle", { name: pickName(locale, detail.project.name, detail.project.nameEn) }) };
}

export default async function LogProgressPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ supersedes?: string }> }) {
  const { detail, canEdit } = await loadProject((await params).id);
  if (!canEdit) notFound();
  const { locale, t } = await getTranslator();
  const { supersedes } = await searchParams;
  const correcting = supersedes ? detail.entries.find((e) => e.id === supersedes && !e.superseded) : undefined;
  const p = detail.project;
  const thisMonth = isoToday().slice(0, 7);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/projects/${p.id}`} className="text-sm font-medium text-brand-700 hover:underline">
        ← {pickName(locale, p.name, p.nameEn)}
      </Link>{" "}
      <DemoParkLabel isDemo={detail.park.isDemo} t={t} />
      <h1 className="text-2xl font-semibold tracking-tight">
        {correcting ? t("progress.correctTitle", { period: correcting.period.slice(0, 7) }) : t("progress.formTitle", { name: pickName(locale, p.name, p.nameEn) })}
      </h1>
      {correcting ? <p className="text-sm text-slate-600">{t("progress.correctHint")}</p> : null}
      <Card className="p-5">
        <ProgressForm
          parkId={detail.park.id}
          projectId={p.id}
          defaultPeriod={correcting ? correcting.period.slice(0, 7) : thisMonth}
          maxPeriod={thisMonth}
          openMilestones={detail.milestones
            .filter((m) => !m.actualDate)
            .map((m) => ({ id: m.id, label: m.type === "custom" ? (m.customLabel ?? "") : t(`milestone.type.${m.type}`), plannedDate: m.plannedDate }))}
          capacities={detail.capacities.map((c) => ({
            id: c.id,
            label: pickName(locale, c.product, c.productEn),
            online: c.online,
            unitLabel: formatQuantity(c.designed, c.unit, c.period, locale),
          }))}
          correcting={correcting}
        />
      </Card>
    </div>
  );
}
