"use client";

import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/i18n-provider";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-6 text-rose-900">
      <p>{t("error.generic")}</p>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        {t("error.retry")}
      </Button>
    </div>
  );
}
