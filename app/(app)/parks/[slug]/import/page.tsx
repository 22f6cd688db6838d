import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download } from "lucide-react";
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
  const template = (format: string) => `/api/import/template?kind=projects&format=${format}`;
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
          {t("ledger.kind.projects")}
        </h2>
        <div className="space-y-1 text-sm">
          <p className="font-medium text-slate-800">{t("ledger.template")}</p>
          <p className="text-slate-600">{t("ledger.templateHint")}</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            {(["xlsx", "csv"] as const).map((format) => (
              <a key={format} href={template(format)} download className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline">
                <Download aria-hidden className="size-4" />
                {t(format === "xlsx" ? "ledger.templateXlsx" : "ledger.templateCsv")}
              </a>
            ))}
          </p>
        </div>
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
