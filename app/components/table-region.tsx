import type { ReactNode } from "react";

/** A wide table that scrolls sideways; focusable so keyboard users can scroll it too. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrapper" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
