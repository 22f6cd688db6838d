import type { CapacityTotal } from "@/db/queries/projects";
import { formatQuantity } from "@/app/_lib/format/numbers";
import type { Locale } from "@/app/_lib/i18n/locale";
import type { Translate } from "@/app/_lib/i18n/translate";

/** A project's designed capacity, one line per unit and period: different units are never added. */
export function CapacityList({ capacity, locale, t }: { capacity: readonly CapacityTotal[]; locale: Locale; t: Translate }) {
  if (capacity.length === 0) return <span className="text-slate-500">{t("projects.none")}</span>;
  return (
    <ul className="space-y-0.5">
      {capacity.map((c) => (
        <li key={`${c.unit}/${c.period}`} className="tabular-nums whitespace-nowrap">
          {formatQuantity(c.designed, c.unit, c.period, locale)}
        </li>
      ))}
    </ul>
  );
}
