import { searchStatement } from '../../../electron/core/api/clients';
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES } from '../../province/names';
import { judge, type Figure } from '../results';
import type { BenchSession } from '../session';
import { sideBySide } from '../stats';

/**
 * Name queries as people type them at the desk: a surname fragment, a first name and part of the
 * surname, names typed with Arabic ي and ك or with the compound's joint left out, a rare pair,
 * and one that matches nothing (the slowest kind for a full-text index: every word is looked up).
 */
function nameQueries(): string[] {
  const pick = (xs: readonly string[], i: number) => xs[i % xs.length]!;
  const queries: string[] = [];
  for (let i = 0; i < 6; i++) {
    const last = pick(LAST_NAMES, i * 7 + 3);
    const first = pick(i % 2 ? FEMALE_NAMES : MALE_NAMES, i * 5 + 1);
    queries.push(last.slice(0, Math.max(3, last.length - 2))); // a surname fragment
    queries.push(`${first} ${last.slice(0, 3)}`); // first name + the start of the surname
    queries.push(`${first.replaceAll('ی', 'ي').replaceAll('ک', 'ك')} ${last}`); // typed with Arabic letters
  }
  queries.push('ام البنین', 'عبداله زاده', 'کوثر نیکخواه', 'ناموجود کسی');
  return queries;
}

/** National-ID prefixes, in Persian digits as typed, from the IDs in the data (4 to 8 digits). */
function idQueries(session: BenchSession): string[] {
  const ids = session.core.db.prepare('SELECT national_id FROM clients WHERE rowid % 997 = 1 LIMIT 24').pluck().all() as string[];
  const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
  return ids.map((id, i) => persian(id.slice(0, 4 + (i % 5))));
}

/**
 * Client search through dispatch beside the very statement `clients.search` runs, prepared
 * once and run directly on the same connection (its parameters made outside the timing): what
 * dispatch adds is the session check, the input's validation, the read transaction, the
 * normalization and shaping the rows. Each round's query is run once untimed first, so both read
 * its rows from the cache.
 */
export function searchFigures(session: BenchSession, runs: number, warmup: number): Figure[] {
  const db = session.core.db;
  const figure = (id: string, name: string, queries: string[]): Figure => {
    const statements = queries.map((q) => {
      const s = searchStatement(q, 20);
      if (!s) throw new Error(`empty query ${q}`);
      return { statement: db.prepare(s.sql), params: s.params };
    });
    let matched = 0;
    const stats = sideBySide(
      {
        dispatch: (i) => {
          const r = session.call('clients.search', { query: queries[i % queries.length]! });
          if (!r.ok) throw new Error(r.error.message);
          matched += r.value.length;
        },
        direct: (i) => {
          const s = statements[i % statements.length]!;
          s.statement.all(...s.params);
        },
      },
      runs,
      warmup,
      (i) => {
        const s = statements[i % statements.length]!;
        s.statement.all(...s.params);
      },
    );
    return judge({
      id,
      name,
      stat: stats.dispatch,
      floor: { name: 'same SQL, direct', stat: stats.direct },
      goal: { p95Ms: 10, ratioP95: 1.2, text: 'p95 ≤ 10 ms, ≤ 1.2× direct' },
      note: `${queries.length} queries in turn, ${(matched / (runs + warmup)).toFixed(1)} hits on average (at most 20)`,
    });
  };
  return [
    figure('search.name', 'client search, name fragment (dispatch)', nameQueries()),
    figure('search.nationalId', 'client search, national-ID prefix (dispatch)', idQueries(session)),
  ];
}
