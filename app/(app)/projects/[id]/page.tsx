import type { Metadata } from "next";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";
import { isMessageKey } from "@/lib/domain/fields";
import { ProjectHeader } from "./_sections/header";
import { HistorySection } from "./_sections/history";
import { InvestmentSection } from "./_sections/investment";
import { MilestonesSection } from "./_sections/milestones";
import { OfficerSection } from "./_sections/officer";
import { ProblemsSection } from "./_sections/problems";
import { ProgressLogSection } from "./_sections/progress-log";
import { SourcesSection } from "./_sections/sources";
import { StructureSection } from "./_sections/structure";
import { loadProject } from "./load";
import { getDb } from "@/db/client";
import { listDueDateHistory } from "@/db/queries/duban";
import { listParkMembers } from "@/db/queries/reporting";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { detail } = await loadProject((await params).id);
  const { locale } = await getTranslator();
  return { title: pickName(locale, detail.project.name, detail.project.nameEn) };
}

export default async function ProjectPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; warn?: string }>;
}) {
  const { detail, canEdit, viewer } = await loadProject((await params).id);
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const [members, dueHistory] = await Promise.all([
    listParkMembers(db, { parkId: detail.park.id }),
    listDueDateHistory(db, { parkId: detail.park.id, problemIds: detail.problems.map((p) => p.id) }),
  ]);
  const duban = {
    viewerId: viewer.userId,
    isMember: viewer.memberships.some((m) => m.parkId === detail.park.id),
    members: members.map((m) => ({ value: m.userId, label: `${m.name} · ${m.email}` })),
    dueHistory,
  };
  const { saved, warn } = await searchParams;
  const warnings = (warn ?? "").split(",").map((w) => `warning.${w}`).filter(isMessageKey);
  const props = { detail, canEdit, locale, t };
  return (
    <div className="space-y-6">
      {saved ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <p>{t("project.savedBanner")}</p>
          {warnings.length ? (
            <ul className="mt-1 list-disc pl-5 text-amber-900">
              {warnings.map((w) => (
                <li key={w}>{t(w)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ProjectHeader {...props} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <InvestmentSection {...props} />
          <OfficerSection detail={detail} canEdit={canEdit} members={members} t={t} />
          <StructureSection {...props} />
        </div>
        <div className="space-y-6">
          <MilestonesSection {...props} />
          <ProblemsSection {...props} duban={duban} />
        </div>
      </div>
      <ProgressLogSection {...props} />
      <HistorySection {...props} />
      <SourcesSection {...props} />
    </div>
  );
}
