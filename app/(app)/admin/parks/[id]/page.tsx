import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getParkForAdmin, listParkHistory, listRegions } from "@/db/queries/organisation";
import { listMembers, listPendingInvitations } from "@/db/queries/people";
import { adminInviteMemberAction, adminRemoveMemberAction } from "@/app/_lib/actions/admin-people";
import { InviteForm, RemoveMemberButton } from "../../../parks/[slug]/members/member-forms";
import { clustersText } from "@/lib/domain/organisation-schemas";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import { History } from "../../_forms/history";
import { ArchiveParkButton, ParkForm } from "../../_forms/park-forms";
import { cityOptions } from "../../cities";
import { requirePlatformAdmin, uuidOr404 } from "../../load";
import { hasRole } from "@/app/_lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.park.editTitle") };
}

/** One park: its names, address, city and clusters; archiving; its history. */
export default async function AdminParkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const viewer = await requirePlatformAdmin();
  const parkId = uuidOr404((await params).id);
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const [park, regions, history, members, pending] = await Promise.all([
    getParkForAdmin(db, { parkId }),
    listRegions(db),
    listParkHistory(db, { parkId }),
    listMembers(db, { parkId }),
    listPendingInvitations(db, { parkId }),
  ]);
  if (!park) notFound();
  const created = (await searchParams).created === "1";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/admin" className="font-medium text-brand-700 hover:underline">
            {t("admin.back")}
          </Link>
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {pickName(locale, park.name, park.nameEn)}
          {park.archivedAt ? <Badge>{t("admin.park.archivedBadge")}</Badge> : null}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {pickName(locale, park.province, park.provinceEn)} · {pickName(locale, park.city, park.cityEn)}
          {/* Platform rights are not a membership: the dashboard link only for someone who may read the park. */}
          {hasRole(viewer, park.id, "viewer") ? (
            <>
              {" · "}
              <Link href={`/parks/${park.slug}`} className="font-medium text-brand-700 hover:underline">
                {t("admin.park.open")}
              </Link>
            </>
          ) : null}
        </p>
        {created ? (
          <p role="status" className="mt-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t("admin.park.created")}
          </p>
        ) : null}
      </header>

      <Card aria-labelledby="park-edit" className="space-y-3 p-4 sm:p-5">
        <h2 id="park-edit" className="text-lg font-semibold">
          {t("admin.park.editTitle")}
        </h2>
        <ParkForm
          park={{ id: park.id, version: park.version, slug: park.slug, name: park.name, nameEn: park.nameEn, regionId: park.regionId, clustersText: clustersText(park.clusters) }}
          cities={cityOptions(regions, locale)}
        />
      </Card>

      <Card aria-labelledby="park-people" className="space-y-4 p-4 sm:p-5">
        <h2 id="park-people" className="text-lg font-semibold">
          {t("admin.park.peopleTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("admin.park.peopleExplain")}</p>
        {park.archivedAt ? null : <InviteForm parkId={park.id} action={adminInviteMemberAction} />}
        {members.length === 0 ? <p className="text-sm text-slate-600">{t("admin.park.noMembers")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.userId} data-testid="admin-member-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">
                  {m.name} · {t(`role.${m.role}`)}
                </p>
                <p className="break-all text-slate-600">{m.email}</p>
              </div>
              {park.archivedAt ? null : <RemoveMemberButton parkId={park.id} userId={m.userId} name={m.name} action={adminRemoveMemberAction} />}
            </li>
          ))}
        </ul>
        {pending.length ? (
          <p className="text-sm text-slate-600" data-testid="admin-pending">
            {t("people.pending", { n: pending.length })}: {pending.map((i) => `${i.email} (${t(`role.${i.role}`)})`).join(", ")}
          </p>
        ) : null}
      </Card>

      <Card aria-labelledby="park-archive" className="space-y-3 p-4 sm:p-5">
        <h2 id="park-archive" className="text-lg font-semibold">
          {t("admin.park.archiveTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("admin.park.archiveExplain")}</p>
        <ArchiveParkButton parkId={park.id} version={park.version} archived={park.archivedAt !== null} />
      </Card>

      <Card aria-labelledby="park-history" className="space-y-3 p-4 sm:p-5">
        <h2 id="park-history" className="text-lg font-semibold">
          {t("admin.history")}
        </h2>
        <History events={history} t={t} />
      </Card>
    </div>
  );
}
