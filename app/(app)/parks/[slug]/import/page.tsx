import type { Metadata } from "next";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { notFound } from "next/navigation";
import { hasRole } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
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
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={t("ledger.title")}>
        {t("ledger.subtitle")}
      </ParkPageHeader>

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
