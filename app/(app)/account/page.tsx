import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/app/(app)/account/change-password-form";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/app/(app)/account/api-token-forms";
import { getDb } from "@/db/client";
import { listApiTokensByUser } from "@/db/queries/api-tokens";
import { listedMemberships, requireViewer } from "@/app/_lib/auth/viewer";
import { chinaDateOf } from "@/lib/domain/china-day";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import { formatChinaDateTime } from "@/lib/format/dates";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("account.title") };
}

export default async function AccountPage() {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const tokens = await listApiTokensByUser(await getDb(), { userId: viewer.userId });
  const parks = listedMemberships(viewer).map((m) => ({ id: m.parkId, label: `${pickName(locale, m.name, m.nameEn)} · ${t(`role.${m.role}`)}` }));
  const when = (d: Date) => formatChinaDateTime(d);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("account.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{viewer.email}</p>
      </header>
      <Card className="max-w-md p-5" aria-labelledby="profile-title">
        <h2 id="profile-title" className="mb-4 text-lg font-semibold">
          {t("people.profile")}
        </h2>
        <ProfileForm name={viewer.name} locale={locale} />
      </Card>
      <Card className="max-w-md p-5" aria-labelledby="change-password-title">
        <h2 id="change-password-title" className="mb-4 text-lg font-semibold">
          {t("account.changePassword")}
        </h2>
        <ChangePasswordForm />
      </Card>

      <Card className="max-w-md p-5" aria-labelledby="sign-out-everywhere-title">
        <h2 id="sign-out-everywhere-title" className="mb-4 text-lg font-semibold">
          {t("account.signOutEverywhere")}
        </h2>
        <SignOutEverywhereForm />
      </Card>

      <Card id="api-tokens" className="scroll-mt-20 space-y-4 p-5" aria-labelledby="api-tokens-title">
        <div>
          <h2 id="api-tokens-title" className="text-lg font-semibold">
            {t("apiToken.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("apiToken.subtitle")}</p>
        </div>
        {parks.length ? <CreateApiTokenForm parks={parks} /> : <p className="text-sm text-slate-600">{t("apiToken.noParks")}</p>}
        <h3 className="pt-2 text-base font-semibold">
          {t("apiToken.active")} ({tokens.length})
        </h3>
        {tokens.length === 0 ? <p className="text-sm text-slate-600">{t("apiToken.none")}</p> : null}
        {tokens.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-600">
                <tr>
                  {(["label", "prefix", "parks", "scope", "created", "lastUsed", "expires", "actions"] as const).map((c) => (
                    <th key={c} scope="col" className="py-2 pr-3 font-medium whitespace-nowrap">
                      {t(`apiToken.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {tokens.map((token) => (
                  <tr key={token.id} data-testid="api-token-row">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {token.label}
                    </th>
                    <td className="py-2 pr-3 font-mono text-xs whitespace-nowrap">{token.tokenPrefix}…</td>
                    <td className="py-2 pr-3">{token.parks.map((p) => pickName(locale, p.name, p.nameEn)).join(", ")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{t(token.canWrite ? "apiToken.scope.write" : "apiToken.scope.read")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{when(token.createdAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{token.lastUsedAt ? when(token.lastUsedAt) : t("apiToken.neverUsed")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                      {token.expiresAt ? chinaDateOf(token.expiresAt) : t("apiToken.noExpiry")}
                      {token.expired ? <span className="block text-xs text-rose-700">{t("apiToken.expired")}</span> : null}
                    </td>
                    <td className="py-2">
                      <RevokeApiTokenButton tokenId={token.id} label={token.label} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
