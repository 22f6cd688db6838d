import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listParkClusters } from "@/db/queries/organisation";
import { ProjectForm } from "@/app/(app)/projects/project-form";
import { hasRole, requireViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("project.createTitle") };
}

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ park?: string | string[] }> }) {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const editable = viewer.memberships.filter((m) => hasRole(viewer, m.parkId, "editor"));
  if (editable.length === 0) notFound();
  const wanted = (await searchParams).park;
  const park = editable.find((m) => m.parkId === wanted) ?? (editable.length === 1 ? editable[0] : undefined);
  const clusters = park ? await listParkClusters(await getDb(), { parkId: park.parkId }) : [];

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("project.createTitle")}</h1>
      {park ? (
        <Card className="p-5">
          <p className="mb-4 text-sm text-slate-600">
            {t("project.park")}: <strong className="text-slate-900">{pickName(locale, park.name, park.nameEn)}</strong>
          </p>
          <ProjectForm parkId={park.parkId} clusters={clusters} />
        </Card>
      ) : (
        <Card className="p-5">
          <p className="mb-3 text-sm text-slate-700">{t("project.park")}</p>
          <ul className="space-y-2">
            {editable.map((m) => (
              <li key={m.parkId}>
                <Link href={`/projects/new?park=${m.parkId}`} className="font-medium text-brand-700 hover:underline">
                  {pickName(locale, m.name, m.nameEn)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
