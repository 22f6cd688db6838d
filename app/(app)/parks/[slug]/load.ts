import "server-only";
import { cache } from "react";
import { refusePage } from "@/app/_lib/guard-page";
import { Refusal } from "@/lib/refusal";
import { hasRole, requireViewer } from "@/app/_lib/auth/viewer";

/** The park named by the URL among the viewer's own parks; anything else is the same 404. */
export const loadPark = cache(async (slug: string) => {
  const viewer = await requireViewer();
  const park = viewer.memberships.find((m) => m.slug === slug);
  if (!park) refusePage(Refusal.notFound());
  return { viewer, park, isAdmin: hasRole(viewer, park.parkId, "admin") };
});
