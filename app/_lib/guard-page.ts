import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Refusal } from "@/lib/refusal";

/**
 * A page's rendering of a Refusal (lib/refusal.ts): signed out → the sign-in page; anything else (no
 * access, nothing there) → the not-found page, so another park's page looks like one that does not exist.
 */
export function refusePage(refusal: Refusal): never {
  if (refusal.status === 401) redirect("/signin");
  notFound();
}
