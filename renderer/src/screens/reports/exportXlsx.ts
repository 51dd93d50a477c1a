import type { Report } from '../../../../electron/core/contract';
import { fa } from '../../locale/fa';
import { downloadBlob } from '../../components/download';
import { fileDate, headlineFigures, madeAtWords, periodWords, queueFigures, reportTables, scopeWords, totalLabel } from './reportMeta';

type ExcelModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

const t = fa.reports;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4F1' } } as const;
const TOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } } as const;
const FONT = 'Vazirmatn';

const numFmt = (n: number | null) => (n !== null && !Number.isInteger(n) ? '#,##0.0' : '#,##0');

/** Roughly how many characters wide a text is in a sheet's column. */
const widthOf = (s: string) => Math.ceil(s.length * 1.15) + 2;

/** Lays a labelled figure on the summary sheet: label, number (as a number), unit. */
function figureRow(ws: Worksheet, label: string, value: number | null, unit: string) {
  const row = ws.addRow([label, value ?? fa.app.none, unit]);
  const cell = row.getCell(2);
  if (value !== null) cell.numFmt = numFmt(value);
  cell.alignment = { horizontal: 'center' };
}

function sectionTitle(ws: Worksheet, text: string) {
  ws.addRow([]);
  const row = ws.addRow([text]);
  row.font = { name: FONT, bold: true, size: 12 };
}

/** The summary sheet: what the report covers, when it was made, the headline, the queue, and the press summary. */
function summarySheet(wb: import('exceljs').Workbook, report: Report) {
  const ws = wb.addWorksheet(t.xlsx.summarySheet, { views: [{ rightToLeft: true }] });
  ws.columns = [{ width: 36 }, { width: 22 }, { width: 26 }];
  const title = ws.addRow([t.xlsx.title]);
  title.font = { name: FONT, bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, 3);
  ws.addRow([]);
  for (const [label, value] of [
    [t.period, periodWords(report)],
    [t.filters, scopeWords(report)],
    [t.madeAt, madeAtWords(report)],
  ] as const) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { name: FONT, bold: true };
    ws.mergeCells(row.number, 2, row.number, 3);
  }
  ws.addRow([]);
  const head = ws.addRow([t.xlsx.item, t.xlsx.value, t.xlsx.unit]);
  head.font = { name: FONT, bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const f of headlineFigures(report)) {
    figureRow(ws, f.label, f.raw, f.key === 'closedByDue' ? t.percent : f.unit);
    if (f.key === 'answeredOnSpot' && report.headline.answeredOnSpotPercent !== null) {
      figureRow(ws, `${t.headline.answeredOnSpot} (${t.percent})`, report.headline.answeredOnSpotPercent, t.percent);
    }
  }
  sectionTitle(ws, t.xlsx.queue);
  for (const f of queueFigures(report)) figureRow(ws, f.label, f.raw, f.unit);
  sectionTitle(ws, t.summary);
  const summary = ws.addRow([report.summary]);
  ws.mergeCells(summary.number, 1, summary.number, 3);
  summary.getCell(1).alignment = { wrapText: true, vertical: 'top', readingOrder: 'rtl' };
  summary.height = Math.max(60, Math.ceil(report.summary.length / 70) * 16);
}

/** One sheet per table: Persian headers, figures as numbers, a bold totals row. */
function tableSheets(wb: import('exceljs').Workbook, report: Report) {
  for (const { meta, table } of reportTables(report)) {
    const ws = wb.addWorksheet(meta.title.slice(0, 31), { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
    const head = ws.addRow([meta.first, ...table.columns]);
    head.font = { name: FONT, bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    head.eachCell((c) => (c.fill = HEADER_FILL));
    for (const r of table.rows) ws.addRow([r.label, ...r.values]);
    const total = ws.addRow([totalLabel(meta), ...table.totals]);
    total.font = { name: FONT, bold: true };
    total.eachCell((c) => (c.fill = TOTAL_FILL));
    total.getCell(1).alignment = { horizontal: 'right' };
    ws.getColumn(1).width = Math.min(48, Math.max(14, ...[meta.first, totalLabel(meta), ...table.rows.map((r) => r.label)].map(widthOf)));
    table.columns.forEach((name, c) => {
      const col = ws.getColumn(c + 2);
      const decimals = [...table.rows.map((r) => r.values[c] ?? 0), table.totals[c] ?? 0].some((v) => !Number.isInteger(v));
      col.width = Math.min(28, Math.max(12, widthOf(name) * 0.8));
      col.numFmt = decimals ? '#,##0.0' : '#,##0';
      col.alignment = { horizontal: 'center' };
    });
    head.getCell(1).alignment = { horizontal: 'right', vertical: 'middle' };
    if (meta.note) {
      ws.addRow([]);
      const note = ws.addRow([meta.note]);
      note.font = { name: FONT, italic: true, size: 9, color: { argb: 'FF555555' } };
    }
  }
}

/** Builds the workbook of a report (right-to-left sheets: a summary and one per table). */
export function buildWorkbook(Excel: ExcelModule, report: Report): import('exceljs').Workbook {
  const wb = new Excel.Workbook();
  wb.creator = fa.app.name;
  wb.created = new Date(report.generatedAt);
  summarySheet(wb, report);
  tableSheets(wb, report);
  return wb;
}

export function xlsxFileName(report: Pick<Report, 'generatedAt'>): string {
  return `didar-report-${fileDate(report.generatedAt)}.xlsx`;
}

/** Makes the report's workbook in the browser (exceljs loads only now) and downloads it. */
export async function exportXlsx(report: Report): Promise<void> {
  const mod = await import('exceljs');
  // The package is CommonJS: take the namespace from whichever level the bundler put it.
  const Excel = (mod as unknown as { default?: ExcelModule }).default ?? mod;
  const buffer = await buildWorkbook(Excel, report).xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  downloadBlob(blob, xlsxFileName(report));
}
