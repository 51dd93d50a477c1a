import { clientHistory } from '../../../electron/core/api/instructionStore';
import { judge, type Figure } from '../results';
import type { BenchSession } from '../session';
import { sideBySide } from '../stats';

/**
 * The client history the official's desk shows (every visit with its requests and their
 * instructions), through dispatch, for clients who have come several times; beside it the same
 * function called directly on the connection, without dispatch. Each round's client is read once
 * untimed first, so both find its rows in the cache.
 */
export function historyFigure(session: BenchSession, runs: number, warmup: number): Figure {
  const db = session.core.db;
  // Clients with the most visits among a spread sample (the long histories are the slow ones).
  const clients = db
    .prepare(
      `SELECT client_id, count(*) AS n FROM visits
       WHERE client_id IN (SELECT id FROM clients WHERE rowid % 211 = 5 LIMIT 2000)
       GROUP BY client_id ORDER BY n DESC LIMIT 50`,
    )
    .all() as { client_id: string; n: number }[];
  if (clients.length === 0) throw new Error('no client with visits in the data');
  let visits = 0;
  let requests = 0;
  const stats = sideBySide(
    {
      dispatch: (i) => {
        const r = session.call('clients.history', { clientId: clients[i % clients.length]!.client_id });
        if (!r.ok) throw new Error(r.error.message);
        visits += r.value.length;
        requests += r.value.reduce((s, v) => s + v.requests.length, 0);
      },
      direct: (i) => clientHistory(db, clients[i % clients.length]!.client_id),
    },
    runs,
    warmup,
    (i) => clientHistory(db, clients[i % clients.length]!.client_id),
  );
  const calls = runs + warmup;
  return judge({
    id: 'history',
    name: "client history for the official's desk (dispatch)",
    stat: stats.dispatch,
    floor: { name: 'same function, direct', stat: stats.direct },
    goal: { p95Ms: 5, text: 'p95 ≤ 5 ms' },
    note: `${clients.length} clients with ${clients.at(-1)!.n}–${clients[0]!.n} visits; ${(visits / calls).toFixed(1)} visits and ${(requests / calls).toFixed(1)} requests per history on average`,
  });
}
