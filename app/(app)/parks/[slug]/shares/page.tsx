import type { Metadata } from "next";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listShareableProjects, listShareLinks } from "@/db/queries/share-links";
import { hasRole } from "@/app/_lib/auth/viewer";
import { flushShareViews } from "@/app/share/[token]/views";
import { chinaDateOf } from "@/lib/domain/china-day";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import { loadPark } from "../load";
import { CreateShareForm, RevokeShareButton } from "./share-forms";
import { formatChinaDateTime } from "@/lib/format/dates";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("share.title") };
}

/** The park's share links: its editors and admins make and revoke them here; anyone else gets a 404. */
export default async function ShareLinksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ project?: string; q?: string }> }) {
  const { park, viewer } = await loadPark((await params).slug);
  if (!hasRole(viewer, park.parkId, "editor")) notFound();
  const { locale, t } = await getTranslator();
  const db = await getDb();
  // This server's views not yet written (app/_lib/share-views.ts); other servers' are at most 200 ms old.
  await flushShareViews().catch(() => {});
  const [links, projects] = await Promise.all([listShareLinks(db, { parkId: park.parkId }), listShareableProjects(db, { parkId: park.parkId })]);
  const { project: wanted, q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const defaultTarget = projects.some((p) => p.id === wanted) ? wanted! : "park";
  const parkName = pickName(locale, park.name, park.nameEn);
  // The form narrows the list by the search (?q=) as it renders, so the server's HTML is already narrowed
  // for a browser without JavaScript; with it the list narrows as one types.
  const targets = [
    { value: "park", label: `${t("share.targetPark")} · ${parkName}` },
    ...projects.map((p) => ({ value: p.id, label: `${p.code} · ${pickName(locale, p.name, p.nameEn)}` })),
  ];
  const when = (d: Date) => formatChinaDateTime(d);
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={t("share.title")}>
        {t("share.subtitle")}
      </ParkPageHeader>

      <Card aria-labelledby="share-new-title" className="space-y-4 p-5">
        <h2 id="share-new-title" className="text-lg font-semibold">
          {t("share.createTitle")}
        </h2>
        <CreateShareForm parkId={park.parkId} targets={targets} defaultTarget={defaultTarget} initialQuery={query} projectCount={projects.length} />
      </Card>

      <Card aria-labelledby="share-active-title" className="space-y-3 p-5">
        <h2 id="share-active-title" className="text-lg font-semibold">
          {t("share.active")} ({links.length})
        </h2>
        {links.length === 0 ? <p className="text-sm text-slate-600">{t("share.none")}</p> : null}
        {links.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-600">
                <tr>
                  {(["label", "target", "creator", "created", "expires", "views", "lastViewed", "actions"] as const).map((c) => (
                    <th key={c} scope="col" className="py-2 pr-3 font-medium whitespace-nowrap">
                      {t(`share.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {links.map((l) => (
                  <tr key={l.id} data-testid="share-link-row">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {l.label}
                    </th>
                    <td className="py-2 pr-3">
                      {l.scope === "park" ? t("share.targetPark") : pickName(locale, l.projectName ?? "—", l.projectNameEn)}
                      {l.snapshotAt ? <span className="block text-xs text-slate-600">{t("share.frozen", { date: chinaDateOf(l.snapshotAt) })}</span> : null}
                    </td>
                    <td className="py-2 pr-3">{l.creatorName ?? t("audit.system")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{when(l.createdAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{l.expiresAt ? chinaDateOf(l.expiresAt) : t("share.never")}</td>
                    <td className="py-2 pr-3 tabular-nums" data-testid="share-views">
                      {l.viewCount}
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{l.lastViewedAt ? when(l.lastViewedAt) : t("share.notYet")}</td>
                    <td className="py-2">
                      <RevokeShareButton parkId={park.parkId} linkId={l.id} label={l.label} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
