import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/people";
import { requireViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import { formatChinaDateTime } from "@/lib/format/dates";
import { SetActiveButton } from "./user-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("adminUsers.title") };
}

/** Every account, searched by address or name: platform administrators deactivate and reactivate here. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const viewer = await requireViewer();
  if (!viewer.platformAdmin) notFound();
  const { t } = await getTranslator();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  const users = await listUsers(await getDb(), { search: q });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("adminUsers.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("adminUsers.subtitle")}</p>
      </header>
      <form role="search" className="flex gap-2">
        <label htmlFor="user-search" className="sr-only">
          {t("adminUsers.search")}
        </label>
        <input id="user-search" name="q" type="search" defaultValue={q} placeholder={t("adminUsers.search")} className="min-h-10 w-full max-w-sm rounded-md border border-slate-300 px-3 text-sm" />
        <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t("adminUsers.searchButton")}
        </button>
      </form>
      <Card className="p-5">
        {users.length === 0 ? <p className="text-sm text-slate-600">{t("adminUsers.none")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {users.map((u) => (
            <li key={u.id} data-testid="user-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">
                  <Link href={`/admin/users/${u.id}`} aria-label={t("adminUsers.open", { name: u.name })} className="text-brand-700 hover:underline">
                    {u.name}
                  </Link>
                  {u.platformAdmin ? <span className="ml-2 text-xs text-brand-700">{t("adminUsers.platformAdmin")}</span> : null}
                  {u.deactivatedAt ? <span className="ml-2 text-xs text-rose-700">{t("people.deactivated")}</span> : null}
                </p>
                <p className="break-all text-slate-600">{u.email}</p>
                <p className="text-xs text-slate-600">
                  {t("adminUsers.parks", { n: u.parkCount })} · {t("adminUsers.since", { at: formatChinaDateTime(u.createdAt) })}
                </p>
              </div>
              {u.id === viewer.userId ? null : <SetActiveButton userId={u.id} active={u.deactivatedAt === null} name={u.name} />}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
