import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { LanguageSwitch } from "@/components/language-switch";
import { setLocaleAction } from "@/app/_lib/actions/session";

/** The frame of the pages before sign-in (invitation, reset, forgot password): brand, language, one card. */
export function AuthFrame({ appName, title, children }: { appName: string; title: string; children: ReactNode }) {
  return (
    <main className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-between">
          <span className="flex items-center gap-2 text-lg font-semibold">
            <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-700 text-white">
              P
            </span>
            {appName}
          </span>
          <LanguageSwitch setLocale={setLocaleAction} />
        </div>
        <Card className="space-y-5 p-6">
          <h1 className="text-xl font-semibold">{title}</h1>
          {children}
        </Card>
      </div>
    </main>
  );
}
