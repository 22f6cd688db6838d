import "server-only";
import { cache } from "react";
import { refusePage } from "@/app/_lib/guard-page";
import { Refusal } from "@/lib/refusal";
import { getDb } from "@/db/client";
import { getProjectDetail } from "@/db/queries/project-detail";
import { hasRole, parkIdsOf, requireViewer } from "@/app/_lib/auth/viewer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The project, if it belongs to one of the viewer's parks; otherwise the same 404 as a missing one. */
export const loadProject = cache(async (id: string) => {
  const viewer = await requireViewer();
  if (!UUID.test(id)) refusePage(Refusal.notFound());
  const detail = await getProjectDetail(await getDb(), { parkIds: parkIdsOf(viewer), projectId: id });
  if (!detail) refusePage(Refusal.notFound());
  return { viewer, detail, canEdit: hasRole(viewer, detail.park.id, "editor") };
});
