import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

/** "Page not found" and the way back: on its own page, or inside the signed-in chrome. */
export function NotFoundMessage({ t }: { t: Translate }) {
  return (
    <div className="max-w-md text-center">
      <h1 className="text-2xl font-semibold">{t("error.notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("error.notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        {t("error.backHome")}
      </Link>
    </div>
  );
}
