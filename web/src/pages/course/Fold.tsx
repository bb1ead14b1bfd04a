import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A <details> whose form is in the page only while it is open: the course's
 * forms sit beside the visit plan's on one page, and a closed form should not
 * add its fields to the page (screen readers' form lists, labels found twice).
 */
export function Fold({ summary, open: initially = false, children }: { summary: string; open?: boolean; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(initially);
  return (
    <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
