"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/** One project of the list, every text already in the reader's language (the page formats it). */
export interface ProjectListItem {
  id: string;
  name: string;
  /** "BP-00003 · 新材料" */
  codeAndCluster: string;
  park: string;
  company: string;
  stage: { label: string; tone: BadgeTone };
  health: { label: string; tone: BadgeTone };
  /** Designed capacity, one line per unit and period (never added across units); empty when none. */
  capacity: string[];
  planned: string;
}

// Client components on purpose, like the dashboard's charts: the page's payload then carries each
// project's few strings once (both layouts get the same array) instead of two element trees per
// project. The server still renders their HTML, so the list reads without JavaScript.

function Capacity({ lines, none }: { lines: string[]; none: string }) {
  if (lines.length === 0) return <span className="text-slate-500">{none}</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((line) => (
        <li key={line} className="tabular-nums whitespace-nowrap">
          {line}
        </li>
      ))}
    </ul>
  );
}

/** Phones: one card per project. */
export function ProjectCards({ items, none }: { items: ProjectListItem[]; none: string }) {
  return (
    <ul className="divide-y divide-slate-200 md:hidden">
      {items.map((p) => (
        <li key={p.id} className="space-y-1.5 p-4">
          <div className="flex items-start justify-between gap-3">
            <Link href={`/projects/${p.id}`} className="min-w-0 font-medium break-words text-slate-900 hover:underline">
              {p.name}
            </Link>
            <Badge tone={p.stage.tone}>{p.stage.label}</Badge>
          </div>
          <p className="text-xs break-words text-slate-600">
            {p.codeAndCluster} · {p.park}
          </p>
          <p className="text-sm break-words text-slate-700">{p.company}</p>
          <div className="flex flex-wrap items-start justify-between gap-2 text-sm">
            <Capacity lines={p.capacity} none={none} />
            <span className="flex flex-col items-end gap-1">
              <span className="font-medium tabular-nums">{p.planned}</span>
              <Badge tone={p.health.tone}>{p.health.label}</Badge>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Wider screens: the table's rows, in the columns the page's header names. */
export function ProjectTableRows({ items, none }: { items: ProjectListItem[]; none: string }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {items.map((p) => (
        <tr key={p.id} className="align-top hover:bg-slate-50">
          <th scope="row" className="px-5 py-3 font-medium text-slate-900">
            <Link href={`/projects/${p.id}`} className="rounded-sm hover:underline">
              {p.name}
            </Link>
            <span className="mt-0.5 block text-xs font-normal text-slate-600">{p.codeAndCluster}</span>
          </th>
          <td className="px-3 py-3 text-slate-700">{p.park}</td>
          <td className="px-3 py-3 text-slate-700">{p.company}</td>
          <td className="px-3 py-3">
            <Badge tone={p.stage.tone}>{p.stage.label}</Badge>
          </td>
          <td className="px-3 py-3">
            <Badge tone={p.health.tone}>{p.health.label}</Badge>
          </td>
          <td className="px-3 py-3 text-slate-700">
            <Capacity lines={p.capacity} none={none} />
          </td>
          <td className="px-5 py-3 text-right font-medium tabular-nums">{p.planned}</td>
        </tr>
      ))}
    </tbody>
  );
}
