import type { Metadata } from "next";
import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown, Plus, Upload } from "lucide-react";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listClusters, listProjects, PROJECT_SORTS, type ProjectSort } from "@/db/queries/project-list";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ProjectCards, ProjectTableRows } from "@/components/projects/project-list-rows";
import { projectRowView } from "@/components/projects/project-row-view";
import { DemoParkLabel } from "@/components/parks/demo-label";
import { ExportLinks } from "@/components/parks/export-links";
import { hasRole, listedMemberships, listedParkIdsOf, requireViewer } from "../../_lib/auth/viewer";
import { PROJECT_HEALTHS, PROJECT_STAGES } from "@/lib/domain/values";
import { searchText } from "@/lib/domain/fields";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";

const PAGE_SIZE = 25;
const MAX_PAGE = 100_000;
const DEFAULT_SORT: ProjectSort = "code";
/** Money and recency read best largest / newest first; the rest alphabetically. */
const FIRST_DIR: Record<ProjectSort, "asc" | "desc"> = { code: "asc", name: "asc", company: "asc", stage: "asc", planned: "desc", updated: "desc" };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("list.title") };
}

/** `?a=1&a=2` arrives as an array: take the first, like a form would send. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const oneOf = (allowed: readonly string[]) => z.preprocess(first, z.string().refine((v) => allowed.includes(v))).optional().catch(undefined);

/** Every value falls back on its own: a hand-edited or stale URL narrows less, it never fails. */
function listParamsSchema(parkIds: string[], clusters: string[]) {
  return z.object({
    // A search the list cannot run (too long, a NUL) is dropped like any other hand-edited value.
    q: z.preprocess(first, searchText()).catch(""),
    park: oneOf(parkIds),
    cluster: oneOf(clusters),
    stage: z.preprocess(first, z.enum(PROJECT_STAGES)).optional().catch(undefined),
    health: z.preprocess(first, z.enum(PROJECT_HEALTHS)).optional().catch(undefined),
    sort: z.preprocess(first, z.enum(PROJECT_SORTS)).catch(DEFAULT_SORT),
    dir: z.preprocess(first, z.enum(["asc", "desc"])).catch("asc"),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
  });
}
type ListParams = z.infer<ReturnType<typeof listParamsSchema>>;

/** The canonical URL of a list state: defaults left out, so links stay short and shareable. */
function listHref(params: ListParams, change: Partial<ListParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.q) search.set("q", next.q);
  if (next.park) search.set("park", next.park);
  if (next.cluster) search.set("cluster", next.cluster);
  if (next.stage) search.set("stage", next.stage);
  if (next.health) search.set("health", next.health);
  if (next.sort !== DEFAULT_SORT || next.dir !== "asc") {
    search.set("sort", next.sort);
    search.set("dir", next.dir);
  }
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `/projects?${query}` : "/projects";
}

const control = "min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm";

function FilterSelect({ name, label, value, all, options }: { name: string; label: string; value: string | undefined; all?: string; options: { value: string; label: string }[] }) {
  const id = `filter-${name}`;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        {all ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function SortHeader({ column, label, params, className }: { column: ProjectSort; label: string; params: ListParams; className?: string }) {
  const current = params.sort === column;
  const dir = current ? (params.dir === "asc" ? "desc" : "asc") : FIRST_DIR[column];
  const Icon = !current ? ArrowUpDown : params.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={current ? (params.dir === "asc" ? "ascending" : "descending") : undefined} className={cn("py-3 font-medium", className)}>
      <Link href={listHref(params, { sort: column, dir, page: 1 })} className="inline-flex items-center gap-1 rounded-sm hover:text-slate-900 hover:underline">
        {label}
        <Icon aria-hidden className={cn("size-3.5", current ? "text-brand-700" : "text-slate-400")} />
      </Link>
    </th>
  );
}

function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: string }) {
  const box = "inline-flex min-h-10 items-center rounded-md border px-3 text-sm font-medium";
  if (!href) {
    return (
      <span aria-disabled="true" className={cn(box, "cursor-not-allowed border-slate-200 text-slate-400")}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={cn(box, "border-slate-300 bg-white text-slate-800 hover:bg-slate-100")}>
      {children}
    </Link>
  );
}

export default async function ProjectListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const db = await getDb();
  // Archived parks are out of the list and its park picker.
  const parkIds = listedParkIdsOf(viewer);
  const listed = listedMemberships(viewer);

  // One cluster may carry several English names across parks; the filter matches on the Chinese one.
  const clusterNames = new Map<string, string | null>();
  for (const c of await listClusters(db, { parkIds })) {
    if (!clusterNames.get(c.cluster)) clusterNames.set(c.cluster, c.clusterEn);
  }
  const params = listParamsSchema(parkIds, [...clusterNames.keys()]).parse(await searchParams);

  const { rows, total } = await listProjects(db, {
    parkIds,
    q: params.q || undefined,
    parkId: params.park,
    cluster: params.cluster,
    stage: params.stage,
    health: params.health,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = rows.map((p) => projectRowView(p, locale, t));
  const prevHref = params.page > 1 ? listHref(params, { page: Math.min(params.page - 1, pages) }) : null;
  const nextHref = params.page < pages ? listHref(params, { page: params.page + 1 }) : null;

  const newProjectPark =
    params.park && hasRole(viewer, params.park, "editor") ? params.park : listed.find((m) => hasRole(viewer, m.parkId, "editor"))?.parkId;
  const importSlug = listed.find((m) => m.parkId === newProjectPark)?.slug;
  // Ledger exports are per park: the park filtered on, or the only one.
  const exportPark = listed.find((m) => m.parkId === params.park) ?? (listed.length === 1 ? listed[0] : undefined);

  // The demonstration park's projects are in the list unless another park is filtered on: say so.
  const demoPark = viewer.memberships.find((m) => m.isDemo && (!params.park || params.park === m.parkId));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{t("list.title")}</h1>
          {demoPark ? (
            <p className="mt-1 text-sm text-slate-600">
              <DemoParkLabel isDemo t={t} /> {pickName(locale, demoPark.name, demoPark.nameEn)}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {importSlug ? (
            <Button asChild variant="secondary">
              <Link href={`/parks/${importSlug}/import`}>
                <Upload aria-hidden className="size-4" />
                {t("ledger.link")}
              </Link>
            </Button>
          ) : null}
          {newProjectPark ? (
            <Button asChild>
              <Link href={`/projects/new?park=${encodeURIComponent(newProjectPark)}`}>
                <Plus aria-hidden className="size-4" />
                {t("project.new")}
              </Link>
            </Button>
          ) : null}
        </div>
      </div>

      <Card className="p-4 sm:p-5">
        <form method="get" action="/projects" aria-label={t("list.filters")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex min-w-0 flex-col gap-1 sm:col-span-2">
            <label htmlFor="filter-q" className="text-sm font-medium text-slate-800">
              {t("list.search")}
            </label>
            <input id="filter-q" type="search" name="q" maxLength={100} defaultValue={params.q} className={cn(control, "placeholder:text-slate-500")} />
          </div>
          <FilterSelect
            name="park"
            label={t("project.park")}
            value={params.park}
            all={t("list.allParks")}
            options={listed.map((m) => ({ value: m.parkId, label: pickName(locale, m.name, m.nameEn) }))}
          />
          <FilterSelect
            name="cluster"
            label={t("projects.col.cluster")}
            value={params.cluster}
            all={t("list.allClusters")}
            options={[...clusterNames].map(([zh, en]) => ({ value: zh, label: pickName(locale, zh, en) }))}
          />
          <FilterSelect
            name="stage"
            label={t("project.stage")}
            value={params.stage}
            all={t("list.allStages")}
            options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
          <FilterSelect
            name="health"
            label={t("list.health")}
            value={params.health}
            all={t("list.allHealth")}
            options={PROJECT_HEALTHS.map((h) => ({ value: h, label: t(`health.${h}`) }))}
          />
          <FilterSelect name="sort" label={t("list.sortBy")} value={params.sort} options={PROJECT_SORTS.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))} />
          <FilterSelect
            name="dir"
            label={t("list.dir")}
            value={params.dir}
            options={[
              { value: "asc", label: t("list.asc") },
              { value: "desc", label: t("list.desc") },
            ]}
          />
          <div className="flex flex-wrap items-center justify-end gap-2 sm:col-span-2 lg:col-span-4">
            <Button asChild variant="ghost">
              <Link href="/projects">{t("list.reset")}</Link>
            </Button>
            <Button type="submit">{t("list.apply")}</Button>
          </div>
        </form>
      </Card>

      <Card>
        <p className="border-b border-slate-200 px-4 py-3 text-sm text-slate-700 sm:px-5">{t("list.results", { total })}</p>
        {rows.length === 0 ? (
          <p className="p-5 text-sm text-slate-600">{t("list.none")}</p>
        ) : (
          <>
            <ProjectCards items={items} none={t("projects.none")} />
            {/* Wider screens: a table, scrolling inside its own box when the columns do not fit. */}
            <div role="region" aria-label={t("list.title")} tabIndex={0} className="hidden overflow-x-auto md:block">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                  <tr>
                    <SortHeader column="name" label={t("projects.col.project")} params={params} className="px-5" />
                    <th scope="col" className="px-3 py-3 font-medium">
                      {t("project.park")}
                    </th>
                    <SortHeader column="company" label={t("projects.col.company")} params={params} className="px-3" />
                    <SortHeader column="stage" label={t("projects.col.stage")} params={params} className="px-3" />
                    <th scope="col" className="px-3 py-3 font-medium">
                      {t("list.health")}
                    </th>
                    <th scope="col" className="px-3 py-3 font-medium">
                      {t("projects.col.capacity")}
                    </th>
                    <SortHeader column="planned" label={t("projects.col.planned")} params={params} className="px-5 text-right" />
                  </tr>
                </thead>
                <ProjectTableRows items={items} none={t("projects.none")} />
              </table>
            </div>
          </>
        )}
        <nav aria-label={t("list.pagination")} className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 sm:px-5">
          <PageLink href={prevHref} rel="prev">
            {t("list.prev")}
          </PageLink>
          <p className="text-sm text-slate-700">{t("list.page", { page: params.page, pages })}</p>
          <PageLink href={nextHref} rel="next">
            {t("list.next")}
          </PageLink>
        </nav>
      </Card>

      {exportPark ? (
        <Card aria-labelledby="export-title" className="space-y-3 p-4 sm:p-5">
          <h2 id="export-title" className="text-lg font-semibold">
            {t("ledger.exportTitle")} · {pickName(locale, exportPark.name, exportPark.nameEn)}
          </h2>
          <ExportLinks slug={exportPark.slug} t={t} />
        </Card>
      ) : null}
    </div>
  );
}
