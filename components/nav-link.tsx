"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "./ui/cn";

/** A header link that marks itself `aria-current="page"` on its own route (and looks current below it). */
export function NavLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  // Null only under the Pages Router, which serves no page with this header.
  const pathname = usePathname() ?? "";
  const exact = pathname === href;
  const within = exact || (href !== "/" && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={exact ? "page" : undefined}
      className={cn(
        "rounded-sm hover:underline",
        within ? "font-medium text-brand-700 underline decoration-2 underline-offset-8" : "text-slate-700 hover:text-slate-900",
        className,
      )}
    >
      {children}
    </Link>
  );
}
