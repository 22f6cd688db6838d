"use client";

/** A table's figures, as text in the reader's language. */
export interface ChartTable {
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; cells: string[] }[];
}

/**
 * The same figures as a real table, for screen readers, keyboard users and anyone who prefers numbers.
 * A client component so the page carries the rows once, as text, beside their HTML (a park's timeline
 * runs to 1,600 rows: 1.6 MB as server-rendered elements); cell styles are `.data-table` in globals.css.
 */
export function DataTable({ table, className }: { table: ChartTable; className?: string }) {
  const numeric = table.columns.map((c) => (c.numeric ? "n" : undefined));
  return (
    // Focusable and labelled: on a narrow screen the table scrolls sideways, and keyboards must reach it.
    <div className={className ? `data-table overflow-x-auto ${className}` : "data-table overflow-x-auto"} tabIndex={0} role="region" aria-label={table.caption}>
      <table>
        <caption className="sr-only">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={numeric[i]}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={numeric[i]}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
