"use client";

import type { ConflictChange } from "@/lib/form-result";
import { useI18n } from "../i18n-provider";
import { formatChinaDateTime } from "@/lib/format/dates";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What others saved since the form was opened: the second saver sees it instead of overwriting it. */
export function ConflictNotice({ changes }: { changes: ConflictChange[] }) {
  const { t } = useI18n();
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="conflict">
      <ul className="space-y-2">
        {changes.map((c, i) => (
          <li key={i}>
            <p className="font-medium">
              {t("conflict.by", { name: c.actorName ?? t("conflict.someone"), at: formatChinaDateTime(new Date(c.at)) })}
            </p>
            <ul className="mt-1 space-y-0.5">
              {Object.entries(c.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  <code>{field}</code>: {show(before)} → {show(after)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <a href="" className="mt-2 inline-block font-medium underline">
        {t("conflict.reload")}
      </a>
    </div>
  );
}
