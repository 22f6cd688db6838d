import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getAccountForAdmin } from "@/db/queries/accounts";
import { listAccountHistory } from "@/db/queries/audit";
import { getTranslator } from "@/app/_lib/request-locale";
import { formatChinaDateTime } from "@/lib/format/dates";
import { pickName } from "@/lib/i18n/pick";
import { History } from "../../_forms/history";
import { requirePlatformAdmin, uuidOr404 } from "../../load";
import { AccountResetButton, SetActiveButton } from "../user-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("adminUsers.title") };
}

/** One account: its parks, deactivation, a password link, and its own history (changes recorded under no park). */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePlatformAdmin();
  const userId = uuidOr404((await params).id);
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const [account, history] = await Promise.all([getAccountForAdmin(db, { userId }), listAccountHistory(db, { userId })]);
  if (!account) notFound();
  const self = account.id === viewer.userId;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 hover:underline">
          {t("adminUsers.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words">
          {account.name}
          {account.platformAdmin ? <span className="ml-2 text-sm font-normal text-brand-700">{t("adminUsers.platformAdmin")}</span> : null}
          {account.deactivatedAt ? <span className="ml-2 text-sm font-normal text-rose-700">{t("people.deactivated")}</span> : null}
        </h1>
        <p className="mt-1 text-sm break-all text-slate-600">
          {account.email} · {t("adminUsers.since", { at: formatChinaDateTime(account.createdAt) })}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {account.parks.length === 0
            ? t("adminUsers.noParks")
            : `${t("adminUsers.memberOf")}: ${account.parks.map((p) => `${pickName(locale, p.name, p.nameEn)} (${t(`role.${p.role}`)})`).join(", ")}`}
        </p>
        {self ? null : (
          <div className="mt-3">
            <SetActiveButton userId={account.id} active={account.deactivatedAt === null} name={account.name} />
          </div>
        )}
      </header>

      {self ? null : (
        <Card aria-labelledby="account-reset" className="space-y-3 p-4 sm:p-5">
          <h2 id="account-reset" className="text-lg font-semibold">
            {t("adminUsers.resetTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("adminUsers.resetExplain")}</p>
          <AccountResetButton userId={account.id} name={account.name} />
        </Card>
      )}

      <Card aria-labelledby="account-history" className="space-y-3 p-4 sm:p-5">
        <h2 id="account-history" className="text-lg font-semibold">
          {t("adminUsers.history")}
        </h2>
        <p className="text-sm text-slate-600">{t("adminUsers.historyExplain")}</p>
        <History events={history} t={t} />
      </Card>
    </div>
  );
}
