import './print.css';
import { useCallback, useRef } from 'react';
import type { TicketPrint } from '../../../electron/core/contract';
import { useCall } from '../api/hooks';
import { fa as digitsFa, jalaliDate, jalaliDateOf, tehranTime } from '../format';
import { fa, fill } from '../locale/fa';
import { ReprintMark } from './PrintHeader';
import { PRIORITY_NAMES } from './printFormat';
import { PrintStatus } from './PrintStatus';
import { usePrintReady } from './usePrintReady';

const t = fa.print.ticket;
const PX_PER_MM = 96 / 25.4;

/** The queue ticket on an 80 mm thermal roll: the number large, then the meeting, the time and the priority. */
function Ticket({ ticket }: { ticket: TicketPrint }) {
  return (
    <>
      <div className="print-ticket-head">
        {ticket.logo ? <img className="print-ticket-logo" src={ticket.logo} alt="" /> : null}
        <div className="print-directorate">{ticket.directorateName}</div>
        <div className="print-ticket-title">{t.title}</div>
      </div>
      <div className="print-ticket-label">{t.yourTicket}</div>
      <div className="print-ticket-number" data-testid="ticket-number">
        {digitsFa(ticket.ticket)}
      </div>
      {ticket.priority !== 'none' ? (
        <div className="print-ticket-priority">
          {t.priority}: {PRIORITY_NAMES[ticket.priority]}
        </div>
      ) : null}
      <dl className="print-ticket-facts">
        <div>
          <dt>{t.meeting}</dt>
          <dd>{ticket.meetingTitle}</dd>
        </div>
        <div>
          <dt>{t.date}</dt>
          <dd>{jalaliDate(ticket.meetingDate, true)}</dd>
        </div>
        {ticket.place ? (
          <div>
            <dt>{t.place}</dt>
            <dd>{ticket.place}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.registeredAt}</dt>
          <dd>
            {tehranTime(ticket.registeredAt)} — {jalaliDateOf(ticket.registeredAt)}
          </dd>
        </div>
      </dl>
      <div className="print-ticket-ahead">{ticket.waitingAhead > 0 ? fill(t.ahead, { n: digitsFa(ticket.waitingAhead) }) : t.next}</div>
      <div className="print-ticket-wait">{t.wait}</div>
      <ReprintMark printNumber={ticket.printNumber} />
    </>
  );
}

/**
 * #/print/ticket/:visitId. The roll is 80 mm wide; the page is as long as the ticket (measured
 * on the final layout), so the printer feeds no blank paper.
 */
export function TicketPage({ visitId }: { visitId: string }) {
  const q = useCall('print.ticket', { visitId });
  const sheet = useRef<HTMLDivElement>(null);
  const fitPage = useCallback(() => {
    const el = sheet.current;
    if (!el) return;
    const lengthMm = Math.ceil(el.getBoundingClientRect().height / PX_PER_MM) + 2;
    let style = document.getElementById('print-ticket-length');
    if (!style) {
      style = document.createElement('style');
      style.id = 'print-ticket-length';
      document.head.appendChild(style);
    }
    style.textContent = `@page ticket { size: 80mm ${lengthMm}mm; margin: 0; }`;
  }, []);
  usePrintReady(q.isSuccess, q.error, fitPage);
  return (
    <div className="print-sheet print-ticket" ref={sheet}>
      {q.data ? <Ticket ticket={q.data} /> : <PrintStatus error={q.error} />}
    </div>
  );
}
