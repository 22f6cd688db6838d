import "server-only";
import { notFound } from "next/navigation";
import { requireViewer } from "@/app/_lib/auth/viewer";

/** The admin pages' gate: platform administrators only; anyone else signed in gets the same 404 as a missing page. */
export async function requirePlatformAdmin() {
  const viewer = await requireViewer();
  if (!viewer.platformAdmin) notFound();
  return viewer;
}

/** A uuid from the URL, or a 404 (never a database error for a malformed id). */
export function uuidOr404(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) notFound();
  return value;
}
