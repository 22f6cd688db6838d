import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listMembers, listPeopleAudit, listPendingInvitations } from "@/db/queries/people";
import { getTranslator } from "@/app/_lib/request-locale";
import { formatChinaDateTime } from "@/lib/format/dates";
import { loadPark } from "../load";
import { InviteForm, RemoveMemberButton, ResetLinkButton, RevokeInvitationButton, RoleForm } from "./member-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("people.title") };
}

const show = (v: unknown) => (v === null || v === undefined ? "—" : String(v));

/** The park's people: its admins invite, change roles, remove members and issue reset links; anyone else gets a 404. */
export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { park, viewer, isAdmin } = await loadPark((await params).slug);
  if (!isAdmin) notFound();
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const [members, pending, history] = await Promise.all([
    listMembers(db, { parkId: park.parkId }),
    listPendingInvitations(db, { parkId: park.parkId }),
    listPeopleAudit(db, { parkId: park.parkId }),
  ]);
  const when = (d: Date) => formatChinaDateTime(d);
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={t("people.title")}>
        {t("people.subtitle")}
      </ParkPageHeader>

      <Card aria-labelledby="invite-title" className="space-y-4 p-5">
        <h2 id="invite-title" className="text-lg font-semibold">
          {t("people.inviteTitle")}
        </h2>
        <InviteForm parkId={park.parkId} />
      </Card>

      <Card aria-labelledby="members-title" className="space-y-3 p-5">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("people.members", { n: members.length })}
        </h2>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.userId} data-testid="member-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-words">
                  {m.name}
                  {m.userId === viewer.userId ? <span className="ml-2 text-xs text-slate-600">{t("people.you")}</span> : null}
                  {m.deactivatedAt ? <span className="ml-2 text-xs text-rose-700">{t("people.deactivated")}</span> : null}
                </p>
                <p className="text-sm break-all text-slate-600">{m.email}</p>
              </div>
              {m.userId === viewer.userId ? (
                <p className="text-sm">{t(`role.${m.role}`)}</p>
              ) : (
                <div className="flex flex-wrap items-start gap-2">
                  <RoleForm parkId={park.parkId} userId={m.userId} role={m.role} name={m.name} />
                  <ResetLinkButton parkId={park.parkId} userId={m.userId} name={m.name} />
                  <RemoveMemberButton parkId={park.parkId} userId={m.userId} name={m.name} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="pending-title" className="space-y-3 p-5">
        <h2 id="pending-title" className="text-lg font-semibold">
          {t("people.pending", { n: pending.length })}
        </h2>
        {pending.length === 0 ? <p className="text-sm text-slate-600">{t("people.noPending")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {pending.map((i) => (
            <li key={i.id} data-testid="invitation-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-all">{i.email}</p>
                <p className="text-slate-600">
                  {t(`role.${i.role}`)} · {t("people.expires", { at: when(i.expiresAt) })}
                </p>
              </div>
              <RevokeInvitationButton parkId={park.parkId} invitationId={i.id} email={i.email} />
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="people-history-title" className="space-y-3 p-5">
        <h2 id="people-history-title" className="text-lg font-semibold">
          {t("people.history")}
        </h2>
        {history.length === 0 ? <p className="text-sm text-slate-600">{t("people.noHistory")}</p> : null}
        <ul className="space-y-2 text-sm" data-testid="people-history">
          {history.map((e) => (
            <li key={e.id}>
              <span className="tabular-nums text-slate-600">{when(e.at)}</span> · {e.actorName ?? t("audit.system")} · {t(`people.entity.${e.entity as "membership" | "invitation" | "user"}`)}{" "}
              {t(`people.action.${e.action as "create" | "update" | "delete" | "revoke" | "accept" | "issue"}`)}:{" "}
              {Object.entries(e.changes as Record<string, [unknown, unknown]>)
                .map(([field, [from, to]]) => `${field} ${show(from)} → ${show(to)}`)
                .join("; ")}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
