import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { LanguageSwitch } from "@/components/language-switch";
import { NavLink } from "@/components/nav-link";
import { requireViewer } from "../_lib/auth/viewer";
import { getTranslator } from "../_lib/i18n/server";

// Every page below needs a session; each page also asks for the viewer itself (layouts are not
// re-run on every client navigation, so they are not where authorization lives).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const { t } = await getTranslator();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-700 text-sm text-white">
              P
            </span>
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.projects")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <NavLink href="/">{t("nav.projects")}</NavLink>
            <NavLink href="/projects">{t("list.title")}</NavLink>
            {/* One park: its dashboard is one click away. Several: the park cards on "/" link to each. */}
            {viewer.memberships.length === 1 ? <NavLink href={`/parks/${viewer.memberships[0]!.slug}`}>{t("nav.dashboard")}</NavLink> : null}
            <NavLink href="/regions">{t("nav.regions")}</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitch />
            <AccountMenu name={viewer.name} email={viewer.email} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
