import { judge, type Figure } from '../results';
import type { BenchSession } from '../session';
import { sideBySide } from '../stats';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * `reports.build` for the whole province over a year, through dispatch: the last full Jalali year
 * in the data (whole months, read from the month counters), and the 365 days up to the last
 * meeting (starting mid-month, the harder case: part-months are read per meeting).
 */
export function reportFigures(session: BenchSession, runs: number, warmup: number): Figure[] {
  const db = session.core.db;
  // The data's own meetings (closed), not the open ones benchmarks and desks add today.
  const range = db.prepare("SELECT min(date) AS first, max(date) AS last FROM meetings WHERE status = 'closed'").get() as { first: string; last: string };
  const years = db
    .prepare(
      `SELECT substr(month, 1, 4) AS year, min(first_day) AS first, max(last_day) AS last FROM jalali_months
       GROUP BY 1 HAVING min(first_day) >= ? AND max(last_day) <= ? ORDER BY 1 DESC LIMIT 1`,
    )
    .get(range.first, range.last) as { year: string; first: string; last: string } | undefined;
  const scopes: { id: string; name: string; from: string; to: string }[] = [];
  if (years) scopes.push({ id: 'report.jalaliYear', name: `year-of-province report, Jalali year ${years.year} (dispatch)`, from: years.first, to: years.last });
  const from = addDays(range.last, -364);
  scopes.push({ id: 'report.lastYear', name: `year-of-province report, ${from} … ${range.last} (dispatch)`, from, to: range.last });
  return scopes.map((scope) => {
    let requests = 0;
    let visits = 0;
    const stats = sideBySide(
      {
        report: () => {
          const r = session.call('reports.build', { from: scope.from, to: scope.to });
          if (!r.ok) throw new Error(r.error.message);
          requests = r.value.headline.requests;
          visits = r.value.headline.visits;
        },
      },
      runs,
      warmup,
    );
    return judge({
      id: scope.id,
      name: scope.name,
      stat: stats.report,
      goal: { maxMs: 500, text: '≤ 500 ms (every run)' },
      note: `${visits.toLocaleString('en')} visits, ${requests.toLocaleString('en')} requests in the year`,
    });
  });
}
