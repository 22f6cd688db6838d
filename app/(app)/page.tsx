import { DemoParkLabel } from "@/components/parks/demo-label";
import type { Metadata } from "next";
import Link from "next/link";
import { Building2, MapPin } from "lucide-react";
import { getDb } from "@/db/client";
import { listProjectsByParks, summarizeParks } from "@/db/queries/projects";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ProjectCards, ProjectTableRows } from "@/components/projects/project-list-rows";
import { projectRowView } from "@/components/projects/project-row-view";
import { Headline } from "@/components/parks/headline";
import { ParkComparison } from "@/components/parks/park-comparison";
import { listedMemberships, listedParkIdsOf, requireViewer, type Viewer } from "../_lib/auth/viewer";
import { getParksOverview } from "../_lib/dashboard/overview";
import { isoToday } from "@/lib/domain/milestones";
import { formatPlanningMoney } from "@/lib/format/numbers";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";

/** The overview shows each park's largest projects; the full list is one click away. */
const PROJECTS_PER_PARK = 10;

/**
 * Beyond this many parks (a city or provincial leader), the overview is the parks side by side — one
 * row each, linking to its dashboard — instead of a card of projects per park, which ran to megabytes.
 */
const MANY_PARKS = 3;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("projects.title") };
}


export default async function ProjectsPage() {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const db = await getDb();
  // Archived parks are out of the overview (their pages still read by a direct link).
  const parks = listedMemberships(viewer);
  if (parks.length > MANY_PARKS) return <ManyParksOverview viewer={viewer} locale={locale} t={t} />;
  const [items, summaries] = await Promise.all([
    listProjectsByParks(db, { parkIds: listedParkIdsOf(viewer), perPark: PROJECTS_PER_PARK }),
    summarizeParks(db, { parkIds: listedParkIdsOf(viewer) }),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("projects.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("projects.subtitle")}</p>
      </div>

      {parks.length === 0 ? <Card className="p-6 text-slate-700">{t(viewer.platformAdmin ? "projects.noParksPlatformAdmin" : "projects.noParks")}</Card> : null}

      {parks.map((park) => {
        const parkProjects = items.filter((p) => p.parkId === park.parkId);
        const rows = parkProjects.map((p) => projectRowView(p, locale, t));
        const summary = summaries.get(park.parkId) ?? { projects: 0, planned: "0" };
        const headingId = `park-${park.slug}`;
        return (
          <Card key={park.parkId} aria-labelledby={headingId} data-testid={`park-${park.slug}`}>
            <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 p-4 sm:p-5">
              <div>
                <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
                  <Building2 aria-hidden className="size-5 text-brand-700" />
                  <Link href={`/parks/${park.slug}`} className="hover:text-brand-700 hover:underline">
                    {pickName(locale, park.name, park.nameEn)}
                  </Link>
                </h2>
                <p className="mt-1 flex items-center gap-1 text-sm text-slate-600">
                  <MapPin aria-hidden className="size-4" />
                  {pickName(locale, park.province, park.provinceEn)} · {pickName(locale, park.city, park.cityEn)}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <Badge>{t("projects.yourRole", { role: t(`role.${park.role}`) })}</Badge>
                <DemoParkLabel isDemo={park.isDemo} t={t} />
                <span className="text-slate-600">{t("projects.count", { count: summary.projects })}</span>
                <span className="text-slate-600">
                  {t("projects.plannedTotal")}:{" "}
                  <strong className="font-semibold text-slate-900 tabular-nums">{formatPlanningMoney(summary.planned, locale, t("project.notSet"))}</strong>
                </span>
              </div>
            </div>

            {parkProjects.length === 0 ? (
              <p className="p-5 text-sm text-slate-600">{t("projects.noProjects")}</p>
            ) : (
              <>
                <ProjectCards items={rows} none={t("projects.none")} />
                {/* Wider screens: a table. */}
                <div className="hidden overflow-x-auto md:block">
                  <table className="w-full text-left text-sm">
                    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                      <tr>
                        <th scope="col" className="px-5 py-3 font-medium">{t("projects.col.project")}</th>
                        <th scope="col" className="px-3 py-3 font-medium">{t("projects.col.company")}</th>
                        <th scope="col" className="px-3 py-3 font-medium">{t("projects.col.stage")}</th>
                        <th scope="col" className="px-3 py-3 font-medium">{t("list.health")}</th>
                        <th scope="col" className="px-3 py-3 font-medium">{t("projects.col.capacity")}</th>
                        <th scope="col" className="px-5 py-3 text-right font-medium">{t("projects.col.planned")}</th>
                      </tr>
                    </thead>
                    <ProjectTableRows items={rows} none={t("projects.none")} />
                  </table>
                </div>
                {summary.projects > parkProjects.length ? (
                  <p className="border-t border-slate-200 px-5 py-3 text-sm">
                    <Link href={`/projects?park=${park.parkId}`} className="font-medium text-brand-700 hover:underline">
                      {t("projects.seeAll", { count: summary.projects })}
                    </Link>
                  </p>
                ) : null}
              </>
            )}
          </Card>
        );
      })}
    </div>
  );
}

/** Every park of the viewer: their figures together, then one row each, linking to its dashboard. */
async function ManyParksOverview({ viewer, locale, t }: { viewer: Viewer; locale: Locale; t: Translate }) {
  const today = isoToday();
  const { rollup, rows } = await getParksOverview(await getDb(), { parkIds: listedParkIdsOf(viewer), today });
  const parks = listedMemberships(viewer).map((m) => ({ id: m.parkId, slug: m.slug, name: m.name, nameEn: m.nameEn }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("projects.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("overview.manyParks", { count: parks.length, date: today })}{" "}
          <Link href="/projects" className="font-medium text-brand-700 hover:underline">
            {t("overview.allProjects")}
          </Link>
        </p>
      </div>
      <Headline rollup={rollup} today={today} locale={locale} t={t} />
      <ParkComparison parks={parks} rows={rows} today={today} locale={locale} t={t} title={t("overview.parksTitle")} />
    </div>
  );
}
