import './print.css';
import './report.css';
import { useMemo } from 'react';
import type { PrintHeader as Header, Report, ReportScope } from '../../../electron/core/contract';
import { CallError } from '../api/client';
import { useCall } from '../api/hooks';
import { fa } from '../locale/fa';
import { CategoryChart, KindChart, TimeChart } from '../screens/reports/ReportCharts';
import { decodeScope, headlineFigures, madeAtWords, periodWords, queueFigures, reportTables, scopeWords, type HeadlineFigure } from '../screens/reports/reportMeta';
import { PrintReportTable } from '../screens/reports/ReportTables';
import { Fact } from './Fact';
import { PrintHeader } from './PrintHeader';
import { PrintStatus } from './PrintStatus';
import { usePrintReady } from './usePrintReady';

const t = fa.reports;
const NO_SCOPE: ReportScope = { meetingId: null, from: null, to: null, countyId: null };
const BAD_SCOPE = new CallError({ code: 'invalid_input', message: t.print.badScope });

/** The printable width of an A4 page (210 mm less 2 × 14 mm margins) in CSS pixels. */
const PAGE_WIDTH = Math.floor((182 / 25.4) * 96);
/** The time-with-official chart beside the donut of kinds. */
const TIME_WIDTH = Math.floor(PAGE_WIDTH * 0.56);

function Figure({ f }: { f: HeadlineFigure }) {
  return (
    <div className="report-figure" data-testid={`print-figure-${f.key}`}>
      <div className="report-figure-label">{f.label}</div>
      <div className="report-figure-value">
        {f.value}
        {f.unit ? <span className="report-figure-unit"> {f.unit}</span> : null}
      </div>
      {f.note ? <div className="report-figure-note">{f.note}</div> : null}
    </div>
  );
}

function ReportSheet({ report, header }: { report: Report; header: Header }) {
  const categoryHeight = Math.max(140, 64 + report.byCategory.rows.length * 36);
  // Tables of three or more columns across the page; the narrow ones in two columns after them.
  const tables = reportTables(report);
  const wide = tables.filter((x) => x.table.columns.length > 2);
  const narrow = tables.filter((x) => x.table.columns.length <= 2);
  return (
    <article className="print-sheet print-report" data-testid="report-sheet">
      <PrintHeader header={header} title={t.print.title} />
      <dl className="print-facts print-facts--three report-facts">
        <Fact label={t.period} value={periodWords(report)} />
        <Fact label={t.filters} value={scopeWords(report)} />
        <Fact label={t.madeAt} value={madeAtWords(report)} />
      </dl>

      <section className="report-block">
        <h2>{t.print.headline}</h2>
        <div className="report-figures">
          {headlineFigures(report).map((f) => (
            <Figure key={f.key} f={f} />
          ))}
        </div>
        <h3 className="report-subtitle">{t.queue.title}</h3>
        <div className="report-figures report-figures--four">
          {queueFigures(report).map((f) => (
            <Figure key={f.key} f={f} />
          ))}
        </div>
      </section>

      <section className="report-block">
        <h2>{t.summary}</h2>
        <p className="report-summary">{report.summary}</p>
      </section>

      <section className="report-charts">
        <h2>{t.print.charts}</h2>
        <div className="report-chart-row">
          <div className="report-chart">
            <h3 className="report-subtitle">{t.charts.byKind}</h3>
            <KindChart table={report.byKind} fixed={{ width: 140, height: 140 }} />
          </div>
          <div className="report-chart">
            <h3 className="report-subtitle">{t.charts.timeWithOfficial}</h3>
            <TimeChart table={report.timeWithOfficial} fixed={{ width: TIME_WIDTH, height: 190 }} />
          </div>
        </div>
        <div className="report-chart">
          <h3 className="report-subtitle">{t.charts.byCategory}</h3>
          <CategoryChart table={report.byCategory} fixed={{ width: PAGE_WIDTH, height: categoryHeight }} />
        </div>
      </section>

      <section className="report-tables">
        <h2>{t.print.tables}</h2>
        {wide.map(({ meta, table }) => (
          <PrintReportTable key={meta.key} meta={meta} table={table} />
        ))}
        <div className="report-columns">
          {narrow.map(({ meta, table }) => (
            <PrintReportTable key={meta.key} meta={meta} table={table} />
          ))}
        </div>
      </section>
    </article>
  );
}

/**
 * #/print/report/<scope> — a report on A4: the header, what it covers, the headline figures,
 * the press summary, the charts and every table with its totals. The scope is base64url JSON
 * of {meetingId, from, to, countyId}. A report is a read: nothing is logged as printed.
 */
export function ReportPage({ encoded }: { encoded: string }) {
  const scope = useMemo(() => decodeScope(encoded), [encoded]);
  const settings = useCall('settings.get', {}, { enabled: scope !== null });
  const report = useCall('reports.build', scope ?? NO_SCOPE, { enabled: scope !== null });
  const error = scope === null ? BAD_SCOPE : (report.error ?? settings.error ?? null);
  usePrintReady(report.isSuccess && settings.isSuccess, error);
  if (!report.data || !settings.data) return <PrintStatus error={error} />;
  const s = settings.data;
  const header: Header = { directorateName: s.directorateName, province: s.province, logo: s.logo, printNumber: 1, printedAt: report.data.generatedAt };
  return <ReportSheet report={report.data} header={header} />;
}
