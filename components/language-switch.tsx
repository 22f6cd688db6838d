"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/form-result";
import { LOCALES } from "@/lib/i18n/locale";
import { cn } from "./ui/cn";
import { useI18n } from "./i18n-provider";

const SHORT: Record<(typeof LOCALES)[number], string> = { zh: "中文", en: "EN" };

/** A plain form with one submit button per language: works by keyboard and without JavaScript. */
export function LanguageSwitch({ setLocale, className }: { setLocale: FormAction; className?: string }) {
  const { locale, t } = useI18n();
  const [, action, pending] = useActionState(setLocale, null);
  return (
    <form action={action} className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5", className)}>
      <span className="sr-only">{t("lang.switchTo")}</span>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          disabled={pending}
          aria-pressed={l === locale}
          lang={l === "zh" ? "zh-CN" : "en"}
          title={t(l === "zh" ? "lang.zh" : "lang.en")}
          className={cn(
            "min-h-8 rounded px-2.5 text-xs font-medium",
            l === locale ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {SHORT[l]}
        </button>
      ))}
    </form>
  );
}
