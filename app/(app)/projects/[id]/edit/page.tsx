import { DemoParkLabel } from "@/components/parks/demo-label";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listParkClusters } from "@/db/queries/organisation";
import { ProjectForm } from "@/app/(app)/projects/project-form";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";
import { loadProject } from "../load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { detail } = await loadProject((await params).id);
  const { locale, t } = await getTranslator();
  return { title: t("project.editTitle", { name: pickName(locale, detail.project.name, detail.project.nameEn) }) };
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { detail, canEdit } = await loadProject((await params).id);
  if (!canEdit) notFound();
  const { locale, t } = await getTranslator();
  const p = detail.project;
  const clusters = await listParkClusters(await getDb(), { parkId: detail.park.id });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/projects/${p.id}`} className="text-sm font-medium text-brand-700 hover:underline">
        ← {pickName(locale, p.name, p.nameEn)}
      </Link>{" "}
      <DemoParkLabel isDemo={detail.park.isDemo} t={t} />
      <h1 className="text-2xl font-semibold tracking-tight">{t("project.editTitle", { name: pickName(locale, p.name, p.nameEn) })}</h1>
      <Card className="p-5">
        <ProjectForm parkId={detail.park.id} project={p} clusters={clusters} />
      </Card>
    </div>
  );
}
