"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, KeyRound, KeySquare, LogOut } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import type { FormAction } from "@/lib/form-result";
import { useI18n } from "./i18n-provider";

export function AccountMenu({ name, email, signOut }: { name: string; email: string; signOut: FormAction }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <DropdownMenu.Root>
      {/* The visible name must be part of the accessible name (WCAG 2.5.3), so no aria-label here. */}
      <DropdownMenu.Trigger className="inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        <span className="max-w-40 truncate">{name}</span>
        <span className="sr-only">{t("nav.account")}</span>
        <ChevronDown aria-hidden className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-600">{t("nav.signedInAs", { email })}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild>
            <Link href="/account" className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-slate-100">
              <KeyRound aria-hidden className="size-4" />
              {t("account.changePassword")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/account#api-tokens" className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-slate-100">
              <KeySquare aria-hidden className="size-4" />
              {t("apiToken.title")}
            </Link>
          </DropdownMenu.Item>
          {/* Selecting the item submits the form; keeping the menu open lets the submission start first. */}
          <form ref={formRef} action={async (formData) => void (await signOut(null, formData))}>
            <DropdownMenu.Item
              asChild
              onSelect={(event) => {
                event.preventDefault();
                formRef.current?.requestSubmit();
              }}
            >
              <button
                type="submit"
                className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-slate-800 outline-none data-[highlighted]:bg-slate-100"
              >
                <LogOut aria-hidden className="size-4" />
                {t("nav.signOut")}
              </button>
            </DropdownMenu.Item>
          </form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
