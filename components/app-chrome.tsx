import { Bell } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { FormAction } from "@/lib/form-result";
import type { Translate } from "@/lib/i18n/translate";
import { AccountMenu } from "./account-menu";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";

/**
 * The header, navigation and main landmark of every signed-in page. It only draws what it is given:
 * the (app) layout passes the viewer it read, the bench reference page a fixed one.
 */
export function AppChrome({
  t,
  user,
  dashboardSlug,
  actions,
  platformAdmin = false,
  unread = 0,
  children,
}: {
  t: Translate;
  user: { name: string; email: string };
  dashboardSlug: string | null;
  actions: { signOut: FormAction; setLocale: FormAction };
  /** Platform admins get the link to /admin (regions, parks, people); nobody else sees it. */
  platformAdmin?: boolean;
  /** Unread notices: the bell's count (the inbox is /notifications). */
  unread?: number;
  children: ReactNode;
}) {
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
            {dashboardSlug ? <NavLink href={`/parks/${dashboardSlug}`}>{t("nav.dashboard")}</NavLink> : null}
            <NavLink href="/regions">{t("nav.regions")}</NavLink>
            <NavLink href="/reporting">{t("reporting.link")}</NavLink>
            {platformAdmin ? <NavLink href="/admin">{t("nav.admin")}</NavLink> : null}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <Link
              href="/notifications"
              aria-label={t("inbox.bell", { n: unread })}
              className="relative grid size-9 place-items-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <Bell aria-hidden className="size-5" />
              {unread > 0 ? (
                <span aria-hidden data-testid="unread-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs font-semibold leading-5 text-white">
                  {unread > 99 ? "99+" : unread}
                </span>
              ) : null}
            </Link>
            <LanguageSwitch setLocale={actions.setLocale} />
            <AccountMenu name={user.name} email={user.email} signOut={actions.signOut} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
