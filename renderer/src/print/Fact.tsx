import type { ReactNode } from 'react';

/** One labelled fact of a printed page (inside a <dl className="print-facts">). */
export function Fact({ label, value, strong = false, wide = false }: { label: string; value: ReactNode; strong?: boolean; wide?: boolean }) {
  const className = ['print-fact', strong ? 'print-fact--strong' : '', wide ? 'print-fact--wide' : ''].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
