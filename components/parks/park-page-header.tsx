import Link from "next/link";
import type { ReactNode } from "react";
import { DemoParkLabel } from "./demo-label";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";

/** The header of a page under a park (settings, import, share links, a dashboard table): the way back to the dashboard, the title, a hint. */
export function ParkPageHeader({
  park,
  locale,
  t,
  title,
  children,
}: {
  park: { slug: string; name: string; nameEn: string | null; isDemo?: boolean };
  locale: Locale;
  t: Translate;
  title: string;
  children?: ReactNode;
}) {
  return (
    <header>
      <p className="text-sm text-slate-600">
        <Link href={`/parks/${park.slug}`} className="font-medium text-brand-700 hover:underline">
          {t("settings.back", { park: pickName(locale, park.name, park.nameEn) })}
        </Link>{" "}
        <DemoParkLabel isDemo={park.isDemo ?? false} t={t} />
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
      {children ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{children}</p> : null}
    </header>
  );
}
