import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { isAtLeast, listedMemberships, requireViewer } from "@/app/_lib/auth/viewer";
import { LEDGER_LIMITS } from "@/app/_lib/ledger/read-file";
import { getTranslator } from "@/app/_lib/request-locale";
import { pickName } from "@/lib/i18n/pick";
import { LedgerImport } from "../../parks/[slug]/import/ledger-import";

// Anything odd in the query string (arrays, huge values) is dropped, never a 500.
const regionQuery = z.object({
  province: z.string().trim().min(1).max(100).optional().catch(undefined),
  city: z.string().trim().min(1).max(100).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("ledger.regionTitle") };
}

/**
 * A region's projects ledger: one file for every park of a city (or province) that the user edits,
 * each row sent to the park its park column (所属园区) names. Anyone who edits no park there gets the
 * same 404.
 */
export default async function RegionLedgerImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const { province, city } = regionQuery.parse(await searchParams);
  if (!province) notFound();
  const parks = listedMemberships(viewer).filter((m) => isAtLeast(m.role, "editor") && m.province === province && (!city || m.city === city));
  const first = parks[0];
  if (!first) notFound();
  const name = [pickName(locale, first.province, first.provinceEn), city ? pickName(locale, first.city, first.cityEn) : null].filter(Boolean).join(" · ");
  const regionHref = `/regions?${new URLSearchParams(city ? { province, city } : { province })}`;
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={regionHref} className="font-medium text-brand-700 hover:underline">
            {name}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("ledger.regionTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("ledger.regionSubtitle")}</p>
      </header>
      <Card aria-labelledby="region-parks-title" className="space-y-2 p-5">
        <h2 id="region-parks-title" className="text-lg font-semibold">
          {t("ledger.regionParks", { count: parks.length })}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="region-import-parks">
          {parks.map((p) => (
            <li key={p.parkId}>
              {p.name}
              {p.nameEn ? <span className="text-slate-600"> · {p.nameEn}</span> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="ledger-upload-title" className="space-y-4 p-5">
        <h2 id="ledger-upload-title" className="text-lg font-semibold">
          {t("ledger.uploadTitle")}
        </h2>
        <LedgerImport parkId={first.parkId} scope={city ? "city" : "province"} maxBytes={LEDGER_LIMITS.maxBytes} maxRows={LEDGER_LIMITS.maxRows} projectsHref="/projects" />
      </Card>
    </div>
  );
}
