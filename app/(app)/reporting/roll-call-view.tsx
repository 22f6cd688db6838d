import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { deadlineOf, reportingRate, type RollCall, type RollCallCount } from "@/lib/domain/reporting";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";

const cell = "px-3 py-2 text-left align-top";
const num = "px-3 py-2 text-right tabular-nums";

function Rate({ count, t }: { count: RollCallCount | undefined; t: Translate }) {
  const rate = count ? reportingRate(count) : null;
  if (!count || rate === null) return <span className="text-slate-500">{t("reporting.rateNone")}</span>;
  return <span>{t("reporting.rateValue", { rate, reported: count.reported, expected: count.expected })}</span>;
}

function CountCells({ count, t }: { count: RollCallCount; t: Translate }) {
  return (
    <>
      <td className={num}>{count.expected}</td>
      <td className={num}>{count.reported}</td>
      <td className={num}>{count.late}</td>
      <td className={num}>{count.missing}</td>
      <td className={num}>
        <Rate count={count} t={t} />
      </td>
    </>
  );
}

function CountHeads({ t }: { t: Translate }) {
  return (
    <>
      <th scope="col" className={num}>{t("reporting.col.expected")}</th>
      <th scope="col" className={num}>{t("reporting.col.reported")}</th>
      <th scope="col" className={num}>{t("reporting.col.late")}</th>
      <th scope="col" className={num}>{t("reporting.col.missing")}</th>
      <th scope="col" className={num}>{t("reporting.col.rate")}</th>
    </>
  );
}

/**
 * The roll-call of one park or several: this month's 报送率 (per park when several, per officer),
 * the projects not reported yet, the late reports and the last 12 months. Only draws what it is given.
 */
export function RollCallView({
  rollCall,
  parks,
  locale,
  t,
}: {
  rollCall: RollCall;
  parks: { parkId: string; slug: string; name: string; nameEn: string | null }[];
  locale: Locale;
  t: Translate;
}) {
  const parkName = new Map(parks.map((p) => [p.parkId, pickName(locale, p.name, p.nameEn)]));
  const several = parks.length > 1;
  const month = rollCall.currentPeriod.slice(0, 7);
  const thisMonth = rollCall.months.find((m) => m.period === rollCall.currentPeriod)?.count;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="rc-month" className="space-y-3 p-5">
        <h2 id="rc-month" className="text-lg font-semibold">
          {t("reporting.thisMonth", { month })}
        </h2>
        <p className="text-2xl font-semibold" data-testid="reporting-rate">
          {t("reporting.rate")}: <Rate count={thisMonth} t={t} />
        </p>
        {several ? (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("reporting.byPark")}>
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("reporting.byPark")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className={cell}>{t("reporting.col.park")}</th>
                  <CountHeads t={t} />
                </tr>
              </thead>
              <tbody>
                {parks.map((p) => (
                  <tr key={p.parkId} className="border-b border-slate-100">
                    <th scope="row" className={cell}>
                      <Link className="text-brand-700 hover:underline" href={`/parks/${p.slug}/reporting`}>{parkName.get(p.parkId)}</Link>
                    </th>
                    <CountCells count={rollCall.byPark.get(p.parkId) ?? { expected: 0, reported: 0, late: 0, missing: 0 }} t={t} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <h3 className="pt-2 font-medium">{t("reporting.byOfficer")}</h3>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("reporting.byOfficer")}>
          <table className="min-w-full text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className={cell}>{t("reporting.col.officer")}</th>
                <CountHeads t={t} />
              </tr>
            </thead>
            <tbody>
              {rollCall.byOfficer.map((o) => (
                <tr key={o.officerId ?? "none"} className="border-b border-slate-100">
                  <th scope="row" className={cell}>{o.officerName ?? <span className="text-slate-500">{t("reporting.noOfficer")}</span>}</th>
                  <CountCells count={o.count} t={t} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card aria-labelledby="rc-missing" className="space-y-3 p-5">
        <h2 id="rc-missing" className="text-lg font-semibold">{t("reporting.notReported")}</h2>
        {rollCall.notReported.length === 0 ? <p className="text-sm text-slate-600">{t("reporting.notReportedNone")}</p> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="not-reported">
            {rollCall.notReported.map((r) => (
              <li key={r.projectId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link className="font-medium text-brand-700 hover:underline" href={`/projects/${r.projectId}`}>{r.code} · {pickName(locale, r.name, r.nameEn)}</Link>
                {several ? <span className="text-slate-600">{parkName.get(r.parkId)}</span> : null}
                <span className="text-slate-600">{r.officerName ?? t("reporting.noOfficer")}</span>
                <Badge tone={r.status === "missing" ? "bad" : "info"}>
                  {r.status === "missing" ? t("reporting.status.missing") : t("reporting.status.pending", { deadline: deadlineOf(r.period, r.deadlineDay) })}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="rc-late" className="space-y-3 p-5">
        <h2 id="rc-late" className="text-lg font-semibold">{t("reporting.late")}</h2>
        {rollCall.late.length === 0 ? <p className="text-sm text-slate-600">{t("reporting.lateNone")}</p> : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${t("reporting.late")}: ${t("reporting.col.reportedOn")}`}>
            <table className="min-w-full text-sm" data-testid="late-reports">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className={cell}>{t("reporting.col.month")}</th>
                  <th scope="col" className={cell}>{t("reporting.col.project")}</th>
                  <th scope="col" className={cell}>{t("reporting.col.officer")}</th>
                  <th scope="col" className={cell}>{t("reporting.col.reportedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {rollCall.late.map((r) => (
                  <tr key={`${r.projectId}-${r.period}`} className="border-b border-slate-100">
                    <td className={cell}>{r.period.slice(0, 7)}</td>
                    <td className={cell}>
                      <Link className="text-brand-700 hover:underline" href={`/projects/${r.projectId}`}>{r.code} · {pickName(locale, r.name, r.nameEn)}</Link>
                    </td>
                    <td className={cell}>{r.officerName ?? t("reporting.noOfficer")}</td>
                    <td className={cell}>{r.firstReportedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card aria-labelledby="rc-months" className="space-y-3 p-5">
        <h2 id="rc-months" className="text-lg font-semibold">{t("reporting.months")}</h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("reporting.rate")}>
          <table className="min-w-full text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className={cell}>{t("reporting.col.month")}</th>
                <CountHeads t={t} />
              </tr>
            </thead>
            <tbody>
              {rollCall.months.map((m) => (
                <tr key={m.period} className="border-b border-slate-100">
                  <th scope="row" className={cell}>{m.period.slice(0, 7)}</th>
                  <CountCells count={m.count} t={t} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
