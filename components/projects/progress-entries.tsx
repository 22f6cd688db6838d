"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

/** One entry of a project's log, every text already in the reader's language (the page formats it). */
export interface ProgressEntryView {
  id: string;
  /** "2024-08" */
  month: string;
  isCorrection: boolean;
  superseded: boolean;
  /** "Logged by …", or null */
  author: string | null;
  narrative: string;
  /** [label, formatted amount] pairs: investment completed, output value — those reported. */
  figures: [string, string][];
  source: { label: string; text: string; url: string | null } | null;
  /** Where "correct this entry" goes, for an editor and an entry not superseded yet. */
  correctHref: string | null;
}

/**
 * The log's entries. A client component for the same reason as the project list's rows: a project's
 * years of monthly entries then travel once, as text, instead of once as HTML and again as elements.
 */
export function ProgressEntries({ entries, labels }: { entries: ProgressEntryView[]; labels: { correction: string; superseded: string; correct: string } }) {
  return (
    <ol className="space-y-3">
      {entries.map((e) => (
        <li key={e.id} data-testid="progress-entry" className={cn("rounded-md border p-3", e.superseded ? "border-slate-200 bg-slate-50 text-slate-600" : "border-slate-200")}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold tabular-nums text-slate-900">{e.month}</span>
            {e.isCorrection ? <Badge tone="info">{labels.correction}</Badge> : null}
            {e.superseded ? <Badge>{labels.superseded}</Badge> : null}
            {e.author ? <span className="text-slate-600">{e.author}</span> : null}
          </div>
          <p className={cn("mt-1 whitespace-pre-line text-sm", e.superseded && "line-through decoration-slate-400")}>{e.narrative}</p>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {e.figures.map(([label, amount]) => (
              <div key={label} className="flex gap-1">
                <dt className="text-slate-600">{label}:</dt>
                <dd className="font-medium tabular-nums">{amount}</dd>
              </div>
            ))}
            {e.source ? (
              <div className="flex gap-1">
                <dt className="text-slate-600">{e.source.label}:</dt>
                <dd>
                  {e.source.url ? (
                    <a href={e.source.url} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                      {e.source.text}
                    </a>
                  ) : (
                    e.source.text
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
          {e.correctHref ? (
            <Link href={e.correctHref} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
              {labels.correct}
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
