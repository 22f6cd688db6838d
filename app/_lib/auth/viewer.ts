import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getSessionViewer, type ParkMembership } from "@/db/queries/accounts";
import type { MembershipRole } from "@/db/schema";
import { Refusal } from "@/lib/refusal";
import { refusePage } from "../guard-page";
import { readSessionId } from "./session-cookie";

export interface Viewer {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  /** May create regions and parks and manage every account; gives no park role by itself. */
  platformAdmin: boolean;
  memberships: ParkMembership[];
}

/**
 * Who is asking, read from the database on every request: the cookie only names a session row,
 * so sign-out and removed memberships take effect on the very next request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sid = await readSessionId();
  if (sid === null) return null;
  const user = await getSessionViewer(await getDb(), { sessionId: sid });
  if (!user) return null;
  return { userId: user.id, email: user.email, name: user.name, sessionId: sid, platformAdmin: user.platformAdmin, memberships: user.memberships };
});

/** For pages: the viewer, or a redirect to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) refusePage(new Refusal(401, "error.unauthorized"));
  return viewer;
}

const RANK: Record<MembershipRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** The viewer's role in a park, or null when they are not a member. */
export function roleIn(viewer: Viewer, parkId: string): MembershipRole | null {
  return viewer.memberships.find((m) => m.parkId === parkId)?.role ?? null;
}

export function hasRole(viewer: Viewer, parkId: string, atLeast: MembershipRole): boolean {
  return isAtLeast(roleIn(viewer, parkId), atLeast);
}

/** Whether a role (null: none) is `atLeast` or above: viewer < editor < admin. */
export function isAtLeast(role: MembershipRole | null, atLeast: MembershipRole): boolean {
  return role !== null && RANK[role] >= RANK[atLeast];
}

/** Every park the viewer may read, archived ones included (a direct link to one still reads). */
export function parkIdsOf(viewer: Viewer): string[] {
  return viewer.memberships.map((m) => m.parkId);
}

/** The viewer's parks that lists show (overview, regions, park pickers): archived parks are left out. */
export function listedMemberships(viewer: Viewer): ParkMembership[] {
  return viewer.memberships.filter((m) => !m.archived);
}

export function listedParkIdsOf(viewer: Viewer): string[] {
  return listedMemberships(viewer).map((m) => m.parkId);
}
