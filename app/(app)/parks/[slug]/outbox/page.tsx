import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { retryDeliveryAction } from "@/app/_lib/actions/reporting";
import { getTranslator } from "@/app/_lib/request-locale";
import { RowActionButton } from "@/components/form/row-action-button";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listOutbox } from "@/db/queries/outbox";
import { formatChinaDateTime } from "@/lib/format/dates";
import { loadPark } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("outbox.title") };
}

const cell = "px-3 py-2 text-left align-top";

/** The park's outbox, for its admins: what went out, what waits to retry, what failed and why. */
export default async function OutboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { park, isAdmin } = await loadPark((await params).slug);
  if (!isAdmin) notFound();
  const { locale, t } = await getTranslator();
  const rows = await listOutbox(await getDb(), { parkId: park.parkId });
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={t("outbox.title")}>
        {t("outbox.subtitle")}
      </ParkPageHeader>
      <Card className="overflow-x-auto p-0" tabIndex={0} role="region" aria-label={t("outbox.title")}>
        {rows.length === 0 ? <p className="p-5 text-sm text-slate-600">{t("outbox.empty")}</p> : (
          <table className="min-w-full text-sm" data-testid="outbox">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className={cell}>{t("outbox.col.created")}</th>
                <th scope="col" className={cell}>{t("outbox.col.channel")}</th>
                <th scope="col" className={cell}>{t("outbox.col.to")}</th>
                <th scope="col" className={cell}>{t("outbox.col.kind")}</th>
                <th scope="col" className={cell}>{t("outbox.col.status")}</th>
                <th scope="col" className={cell}>{t("outbox.col.attempts")}</th>
                <th scope="col" className={cell}>{t("outbox.col.error")}</th>
                <th scope="col" className={cell}><span className="sr-only">{t("outbox.retry")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const stuck = Boolean(r.stuck);
                return (
                  <tr key={r.id} className="border-b border-slate-100">
                    <td className={cell}>{formatChinaDateTime(r.createdAt)}</td>
                    <td className={cell}>{t(`outbox.channel.${r.channel}`)}</td>
                    <td className={`${cell} break-all`}>{r.email ?? t("outbox.groupRobot")}</td>
                    <td className={cell}>{t(`notify.${r.kind}.name`)}</td>
                    <td className={cell}>
                      <Badge tone={r.status === "sent" ? "good" : r.status === "dead" || stuck ? "bad" : "info"}>{stuck ? t("outbox.stuck") : t(`outbox.status.${r.status}`)}</Badge>
                    </td>
                    <td className={`${cell} tabular-nums`}>{r.attempts}</td>
                    <td className={`${cell} max-w-xs break-words text-slate-700`}>{r.lastError ?? ""}</td>
                    <td className={cell}>
                      {r.status === "dead" || stuck ? (
                        <RowActionButton action={retryDeliveryAction} fields={{ parkId: park.parkId, deliveryId: r.id }} label={t("outbox.retry")} ariaLabel={`${t("outbox.retry")}: ${r.email ?? t(`outbox.channel.${r.channel}`)}`} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
