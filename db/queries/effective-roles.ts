import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * A user's effective park roles, as a derived table of (park_id, role), in ONE place: every park the
 * user is a member of, with that role; every other park of a region they read, as a viewer (a
 * province's role reaches the parks of its cities); and an archived park's role capped at viewer.
 * The viewer query, the page-cache gate and API tokens all read it, so each park check (hasRole,
 * parkIdsOf, a token's parks) sees region readers read and refuses them every write.
 */
export function effectiveParkRoles(userId: SQLWrapper): SQL {
  return sql`(
    select ep.id as park_id,
      case when ep.archived_at is not null then 'viewer'::membership_role else coalesce(em.role, 'viewer'::membership_role) end as role
    from parks ep
    left join memberships em on em.park_id = ep.id and em.user_id = ${userId}
    where em.user_id is not null
      or ep.region_id in (
        select ec.id from region_memberships erm join regions ec on ec.id = erm.region_id or ec.parent_id = erm.region_id
        where erm.user_id = ${userId}
      )
  )`;
}
