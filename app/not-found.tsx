import Link from "next/link";
import { getTranslator } from "./_lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold">{t("error.notFoundTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("error.notFoundBody")}</p>
        <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
          {t("error.backHome")}
        </Link>
      </div>
    </main>
  );
}
