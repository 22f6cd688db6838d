import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole } from "@/app/_lib/auth/viewer";
import { pickName } from "@/app/_lib/i18n/pick";
import { getTranslator } from "@/app/_lib/i18n/server";
import { LEDGER_LIMITS } from "@/app/_lib/ledger/read-file";
import { ExportLinks } from "@/components/parks/export-links";
import { Card } from "@/components/ui/card";
import { loadPark } from "../load";
import { LedgerImport } from "./ledger-import";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("ledger.title") };
}

/** The park's ledger import (editors and admins; anyone else gets the same 404) and its exports. */
export default async function LedgerImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { park, viewer } = await loadPark((await params).slug);
  if (!hasRole(viewer, park.parkId, "editor")) notFound();
  const { locale, t } = await getTranslator();
  const parkName = pickName(locale, park.name, park.nameEn);
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={`/parks/${park.slug}`} className="font-medium text-brand-700 hover:underline">
            {t("ledger.back")} · {parkName}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("ledger.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("ledger.subtitle")}</p>
      </header>

      <Card aria-labelledby="ledger-upload-title" className="space-y-4 p-5">
        <h2 id="ledger-upload-title" className="text-lg font-semibold">
          {t("ledger.uploadTitle")}
        </h2>
        <LedgerImport parkId={park.parkId} maxBytes={LEDGER_LIMITS.maxBytes} maxRows={LEDGER_LIMITS.maxRows} projectsHref={`/projects?park=${park.parkId}`} />
      </Card>

      <Card aria-labelledby="ledger-export-title" className="space-y-3 p-5">
        <h2 id="ledger-export-title" className="text-lg font-semibold">
          {t("ledger.exportTitle")}
        </h2>
        <ExportLinks slug={park.slug} t={t} />
      </Card>
    </div>
  );
}
