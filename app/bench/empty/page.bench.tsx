import type { Metadata } from "next";
import { getTranslator } from "@/app/_lib/request-locale";

// A reference for bench/run.ts: the least a dynamic App Router page costs on this server — the root
// layout and one heading, no chrome, no database, no session. What a page can serve at most, beside
// the static file and /bench/bare (a constant from a route handler).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false } };

export default async function EmptyReferencePage() {
  const { t } = await getTranslator();
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold">{t("app.name")}</h1>
    </main>
  );
}
