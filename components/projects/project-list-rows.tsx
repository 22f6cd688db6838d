"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ProjectRowView } from "./project-row-view";

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
export function ProjectCards({ items, none }: { items: ProjectRowView[]; none: string }) {
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
            {p.park ? `${p.codeAndCluster} · ${p.park}` : p.codeAndCluster}
          </p>
          <p className="text-sm break-words text-slate-700">{p.company}</p>
          <div className="flex flex-wrap items-start justify-between gap-2 text-sm">
            <Capacity lines={p.capacity} none={none} />
            <span className="flex flex-col items-end gap-1">
              <span className="font-medium tabular-nums">{p.planned}</span>
              <Badge tone={p.health.tone}>{p.health.label}</Badge>
              {p.reported ? <span className="text-xs text-slate-600">{p.reported}</span> : null}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Wider screens: the table's rows, in the columns the page's header names (the park's only where rows carry one). */
export function ProjectTableRows({ items, none }: { items: ProjectRowView[]; none: string }) {
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
          {p.park !== null ? <td className="px-3 py-3 text-slate-700">{p.park}</td> : null}
          <td className="px-3 py-3 text-slate-700">{p.company}</td>
          <td className="px-3 py-3">
            <Badge tone={p.stage.tone}>{p.stage.label}</Badge>
          </td>
          <td className="px-3 py-3">
            <Badge tone={p.health.tone}>{p.health.label}</Badge>
            {p.reported ? <span className="mt-1 block text-xs text-slate-600">{p.reported}</span> : null}
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
