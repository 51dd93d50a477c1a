import './print.css';
import type { SlipPrint } from '../../../electron/core/contract';
import { CallError } from '../api/client';
import { useCall } from '../api/hooks';
import { fa as digitsFa, jalaliDate, jalaliDateOf } from '../format';
import { fa } from '../locale/fa';
import { Fact } from './Fact';
import { instructionDetails } from './instructionDetails';
import { PrintedAt, PrintHeader } from './PrintHeader';
import { groupCode } from './printFormat';
import { PrintStatus } from './PrintStatus';
import { QrCode } from './QrCode';
import { usePrintReady } from './usePrintReady';

const t = fa.print.slip;

/** One referral slip, one A5 page: who, what was asked, what the official decided, where to go, by when, and the tracking code. */
export function Slip({ slip }: { slip: SlipPrint }) {
  const { instruction: i, client, request } = slip;
  return (
    <article className="print-sheet print-slip" data-testid="slip">
      <PrintHeader header={slip} title={t.title} />

      <section className="print-tracking">
        <div className="print-tracking-text">
          <div className="print-label">{t.trackingCode}</div>
          <div className="print-code" dir="ltr" data-testid="tracking-code">
            {groupCode(i.trackingCode)}
          </div>
          <div className="print-hint">{t.trackingHint}</div>
        </div>
        <QrCode value={i.trackingCode} sizeMm={26} label={t.qr} />
      </section>

      <section className="print-section">
        <h2>{t.client}</h2>
        <dl className="print-facts print-facts--two">
          <Fact label={t.name} value={client.name} />
          <Fact label={t.nationalId} value={<span dir="ltr">{digitsFa(client.nationalId)}</span>} />
          {client.fatherName ? <Fact label={t.fatherName} value={client.fatherName} /> : null}
          <Fact label={t.meeting} value={`${slip.meetingTitle}، ${jalaliDate(slip.meetingDate)}`} wide />
        </dl>
      </section>

      <section className="print-section">
        <h2>{t.request}</h2>
        <p className="print-text">
          <strong>{request.categoryName}:</strong> {request.text}
        </p>
      </section>

      <section className="print-section">
        <h2>{t.instruction}</h2>
        <p className="print-text">{i.text}</p>
        <dl className="print-facts">
          {instructionDetails(i).map((d) => (
            <Fact key={d.key} label={d.label} value={d.value} strong={d.key === 'room' || d.key === 'due'} />
          ))}
        </dl>
      </section>

      <footer className="print-slip-footer">
        <dl className="print-facts">
          <Fact label={t.issuer} value={i.issuedByName} />
          <Fact label={t.issuedAt} value={jalaliDateOf(i.issuedAt)} />
        </dl>
        <div className="print-signature">{t.signature}</div>
      </footer>
      <PrintedAt header={slip} />
    </article>
  );
}


/** #/print/slip/:instructionId — one slip. */
export function SlipPage({ instructionId }: { instructionId: string }) {
  const q = useCall('print.slip', { instructionId });
  usePrintReady(q.isSuccess, q.error);
  if (!q.data) return <PrintStatus error={q.error} />;
  return <Slip slip={q.data} />;
}

const NO_SLIPS = new CallError({ code: 'not_found', message: fa.print.noSlips });

/**
 * #/print/visit-slips/:visitId — every live instruction's slip of a visit, one page each. A
 * visit with no instruction has nothing to print: the page says so and is not marked ready.
 */
export function VisitSlipsPage({ visitId }: { visitId: string }) {
  const q = useCall('print.visitSlips', { visitId });
  const empty = q.data?.length === 0;
  usePrintReady(q.isSuccess && !empty, empty ? NO_SLIPS : q.error);
  if (!q.data || empty) return <PrintStatus error={empty ? NO_SLIPS : q.error} />;
  return (
    <>
      {q.data.map((slip) => (
        <Slip key={slip.instruction.id} slip={slip} />
      ))}
    </>
  );
}
