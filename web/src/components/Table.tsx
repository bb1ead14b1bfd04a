import type { ComponentChildren } from 'preact';

/** One column: its Danish header and how a row fills its cell; numbers are right-aligned. */
export interface Column<T> {
  header: string;
  numeric?: boolean;
  cell: (row: T) => ComponentChildren;
}

interface TableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** What to say instead of an empty table. */
  empty: ComponentChildren;
  /** Read out by screen readers only. */
  caption?: string;
  /** Marks a row (a high priority, a partner gone silent). */
  rowClass?: (row: T) => string | undefined;
  /** For a wide table that may scroll sideways: names the region and lets the keyboard reach it (WCAG: a scrollable region must be focusable). */
  region?: string;
}

/**
 * The lists of the app (cases, the waiting folder, visitors, partners, the
 * auditor's cases) in one shape: a scrollable table with column headers for
 * screen readers, or a sentence when there is nothing to show.
 */
export function Table<T>({ rows, columns, rowKey, empty, caption, rowClass, region }: TableProps<T>) {
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <div class="table-wrap" {...(region && { tabIndex: 0, role: 'region', 'aria-label': region })}>
      <table>
        {caption && <caption class="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" class={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} class={rowClass?.(row)}>
              {columns.map((column) => (
                <td key={column.header} class={column.numeric ? 'num' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
