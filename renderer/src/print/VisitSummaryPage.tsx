import './print.css';
import type { RequestWithInstruction, VisitSummaryPrint } from '../../../electron/core/contract';
import { useCall } from '../api/hooks';
import { fa as digitsFa, jalaliDate, tehranTime } from '../format';
import { fa, fill } from '../locale/fa';
import { Fact } from './Fact';
import { instructionDetails } from './instructionDetails';
import { PrintedAt, PrintHeader } from './PrintHeader';
import { groupCode, KIND_NAMES } from './printFormat';
import { PrintStatus } from './PrintStatus';
import { usePrintReady } from './usePrintReady';

const t = fa.print.summary;

/** A request and the official's instruction on it, as one row of the summary's table. */
function RequestRow({ row, n }: { row: RequestWithInstruction; n: number }) {
  const i = row.instruction;
  return (
    <tr data-testid="summary-row">
      <td className="print-num">{digitsFa(n)}</td>
      <td>
        <strong>{row.categoryName}</strong>
        <div>{row.text}</div>
      </td>
      <td>
        {i ? (
          <>
            <strong>{KIND_NAMES[i.kind]}</strong>
            {i.status === 'cancelled' ? <span className="print-cancelled"> ({t.cancelled})</span> : null}
            <div>{i.text}</div>
          </>
        ) : (
          t.noInstruction
        )}
      </td>
      <td>
        {i
          ? instructionDetails(i)
              .filter((d) => d.key !== 'kind')
              .map((d) => (
                <div key={d.key}>
                  <span className="print-detail-label">{d.label}:</span> {d.value}
                </div>
              ))
          : null}
      </td>
      <td className="print-code-cell" dir="ltr">
        {i ? groupCode(i.trackingCode) : '—'}
      </td>
    </tr>
  );
}

function Summary({ print }: { print: VisitSummaryPrint }) {
  const { visit, client, requests } = print.detail;
  const f = fa.print.slip;
  return (
    <article className="print-sheet print-summary">
      <PrintHeader header={print} title={t.title} />
      <section className="print-section">
        <h2>{t.visit}</h2>
        <dl className="print-facts print-facts--three">
          <Fact label={f.meeting} value={`${visit.meetingTitle}، ${jalaliDate(visit.meetingDate, true)}`} wide />
          <Fact label={t.ticket} value={digitsFa(visit.ticket)} />
          {visit.desk ? <Fact label={t.desk} value={visit.desk} /> : null}
          {visit.startedAt ? <Fact label={t.startedAt} value={tehranTime(visit.startedAt)} /> : null}
          {visit.finishedAt ? <Fact label={t.finishedAt} value={tehranTime(visit.finishedAt)} /> : null}
        </dl>
      </section>
      <section className="print-section">
        <h2>{t.client}</h2>
        <dl className="print-facts print-facts--three">
          <Fact label={f.name} value={`${client.firstName} ${client.lastName}`} />
          <Fact label={f.nationalId} value={<span dir="ltr">{digitsFa(client.nationalId)}</span>} />
          {client.fatherName ? <Fact label={f.fatherName} value={client.fatherName} /> : null}
          {client.mobile ? <Fact label={t.mobile} value={<span dir="ltr">{digitsFa(client.mobile)}</span>} /> : null}
          {client.fileNumber ? <Fact label={t.fileNumber} value={digitsFa(client.fileNumber)} /> : null}
        </dl>
      </section>
      <section className="print-section">
        <h2>
          {t.requests} <span className="print-count">({fill(t.count, { n: digitsFa(requests.length) })})</span>
        </h2>
        <table className="print-table">
          <thead>
            <tr>
              <th className="print-num">{t.row}</th>
              <th>{t.request}</th>
              <th>{t.instruction}</th>
              <th>{t.details}</th>
              <th>{t.trackingCode}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((row, k) => (
              <RequestRow key={row.id} row={row} n={k + 1} />
            ))}
          </tbody>
        </table>
      </section>
      <footer className="print-summary-footer">
        <div className="print-signature">{t.signature}</div>
      </footer>
      <PrintedAt header={print} />
    </article>
  );
}


/** #/print/visit/:visitId — every request of a visit and the instruction on each, on A4. */
export function VisitSummaryPage({ visitId }: { visitId: string }) {
  const q = useCall('print.visit', { visitId });
  usePrintReady(q.isSuccess, q.error);
  if (!q.data) return <PrintStatus error={q.error} />;
  return <Summary print={q.data} />;
}
