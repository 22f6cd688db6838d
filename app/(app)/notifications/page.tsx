import type { Metadata } from "next";
import Link from "next/link";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/_lib/actions/notifications";
import { requireViewer } from "@/app/_lib/auth/viewer";
import { renderNotice } from "@/app/_lib/notify/render";
import { getTranslator } from "@/app/_lib/request-locale";
import { RowActionButton } from "@/components/form/row-action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listNotifications } from "@/db/queries/notifications";
import { formatChinaDateTime } from "@/lib/format/dates";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("inbox.title") };
}

/** The inbox: the viewer's own notices, newest first, each in the viewer's language. */
export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const items = await listNotifications(await getDb(), { userId: viewer.userId });
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("inbox.title")}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/notifications/settings" className="text-sm font-medium text-brand-700 hover:underline">
            {t("inbox.settingsLink")}
          </Link>
          {unread > 0 ? <RowActionButton action={markAllNotificationsReadAction} fields={{}} label={t("inbox.markAllRead")} ariaLabel={t("inbox.markAllRead")} /> : null}
        </div>
      </div>
      <Card className="p-0">
        {items.length === 0 ? <p className="p-5 text-sm text-slate-600">{t("inbox.empty")}</p> : (
          <ul className="divide-y divide-slate-100" data-testid="inbox">
            {items.map((n) => {
              const { subject, body } = renderNotice(n.kind, n.params, locale);
              return (
                <li key={n.id} className={`flex flex-wrap items-start gap-3 p-4 ${n.readAt ? "" : "bg-brand-50/40"}`}>
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="font-medium">
                      {n.readAt ? null : <Badge tone="info" className="mr-2">{t("inbox.unread")}</Badge>}
                      <Link href={n.link} className="text-brand-700 hover:underline">{subject}</Link>
                    </p>
                    <p className="text-sm text-slate-700">{body}</p>
                    <p className="text-xs text-slate-500">{formatChinaDateTime(n.createdAt)}</p>
                  </div>
                  {n.readAt ? null : <RowActionButton action={markNotificationReadAction} fields={{ notificationId: n.id }} label={t("inbox.markRead")} ariaLabel={`${t("inbox.markRead")}: ${subject}`} />}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
