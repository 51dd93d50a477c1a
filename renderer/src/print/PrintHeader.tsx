import type { PrintHeader as Header } from '../../../electron/core/contract';
import { fa as digitsFa, jalaliDateOf, tehranTime } from '../format';
import { fa, fill } from '../locale/fa';

/** «چاپ مجدد (نوبت N)» on every print after the first; nothing on the first. */
export function ReprintMark({ printNumber }: { printNumber: number }) {
  if (printNumber <= 1) return null;
  return (
    <div className="print-reprint" data-testid="reprint">
      {fill(fa.print.reprint, { n: digitsFa(printNumber) })}
    </div>
  );
}

/** The directorate's header of a printed page: logo, name, province, the page's title, and the reprint mark. */
export function PrintHeader({ header, title }: { header: Header; title: string }) {
  return (
    <header className="print-header">
      {header.logo ? <img className="print-logo" src={header.logo} alt="" /> : <div className="print-logo" />}
      <div className="print-header-text">
        <div className="print-directorate">{header.directorateName}</div>
        {header.province ? <div className="print-province">{header.province}</div> : null}
        <h1 className="print-title">{title}</h1>
      </div>
      <div className="print-header-side">
        <ReprintMark printNumber={header.printNumber} />
      </div>
    </header>
  );
}

/** When the page was printed, in Tehran time. */
export function PrintedAt({ header }: { header: Header }) {
  return (
    <div className="print-printed-at">
      {fa.print.printedAt}: {jalaliDateOf(header.printedAt)}، {tehranTime(header.printedAt)}
    </div>
  );
}
