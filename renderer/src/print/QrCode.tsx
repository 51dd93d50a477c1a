import { create } from 'qrcode';
import { useMemo } from 'react';

/** The path of a QR symbol's dark modules, one unit square each, with a quiet zone of `margin` modules. */
function qrPath(text: string, margin: number): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (modules.get(row, col)) d += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  return { size: n + 2 * margin, d };
}

/**
 * A QR code drawn as inline SVG (vector on paper, no network, nothing to wait for). `value`
 * is encoded exactly as given, e.g. the bare nine Latin digits of a tracking code.
 */
export function QrCode({ value, sizeMm, label }: { value: string; sizeMm: number; label: string }) {
  const { size, d } = useMemo(() => qrPath(value, 2), [value]);
  return (
    <svg
      className="print-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      shapeRendering="crispEdges"
      data-value={value}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
