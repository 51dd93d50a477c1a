import type { Core } from '../../electron/core';
import type { Report } from '../../electron/core/contract';
import type { AuditCheck } from '../../electron/core/contract/audit';
import { reportCountDifferences } from '../../electron/core/reports/counts';
import type { Desk, SoakStats } from './desk';
import type { DisplayDesk } from './displayDesk';
import type { Issued } from './officialDesk';
import type { World } from './world';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** What the core emitted during the day (from its own listener), to compare with each desk's stream. */
export interface EmittedEvents {
  total: number;
  digest: string;
  queueChanged: number;
  /** What of it the station sends a waiting-room display (its board's events only). */
  forDisplays: { total: number; digest: string };
}

export interface DayFacts {
  core: Core;
  meetingId: string;
  world: World;
  stats: SoakStats;
  desks: Desk[];
  /** Each desk's count and running hash of the events received, taken when the core's tally was. */
  tallies: Map<Desk, { total: number; digest: string }>;
  displays: DisplayDesk[];
  emitted: EmittedEvents;
  /** Errors the core logged (they reach callers only as `internal`). */
  internalErrors: string[];
  issued: Issued;
  report: Report;
  audit: AuditCheck;
  meetingClosed: boolean;
}

const n = (core: Core, sql: string, ...params: unknown[]) => (core.db.prepare(sql).get(...params) as { n: number }).n;

function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

/** Every correctness condition of the day: calls, the queue, instructions, events, the file, the report. */
export function checkDay(f: DayFacts): Check[] {
  const { core, meetingId, world, stats } = f;
  const checks: Check[] = [];
  const unexpectedStatus = [...stats.status].filter(([s]) => s !== 200 && ![400, 403, 409].includes(s));
  const refusals = [...stats.refusals.values()].reduce((a, b) => a + b, 0);
  const refusalStatuses = [...stats.status].filter(([s]) => s !== 200).reduce((a, [, c]) => a + c, 0);

  checks.push(check('every call answered ok, except the refusals provoked on purpose', stats.errorCount === 0 && stats.ok + refusals === stats.calls, `${stats.ok} ok, ${refusals} refusals as expected, ${stats.errorCount} failures of ${stats.calls} calls`));
  checks.push(check('no HTTP 500 and no internal error', stats.internal === 0 && f.internalErrors.length === 0 && unexpectedStatus.length === 0, `${stats.internal} internal answers, ${f.internalErrors.length} logged by the core${unexpectedStatus.length ? `, statuses ${JSON.stringify(unexpectedStatus)}` : ''}`));
  checks.push(check('non-200 answers are exactly the provoked refusals', refusalStatuses === refusals, `${refusalStatuses} non-200 answers, ${refusals} provoked`));
  checks.push(check('the day ran to its end', world.aborted === null, world.aborted ?? 'yes'));

  // The queue: everyone registered, called once per time in the line, and finished.
  const visits = core.db
    .prepare(
      `SELECT v.id, v.status, v.call_count AS callCount, (SELECT count(*) FROM calls c WHERE c.visit_id = v.id) AS calls,
              (SELECT count(*) FROM requests r WHERE r.visit_id = v.id) AS requests
       FROM visits v WHERE v.meeting_id = ?`,
    )
    .all(meetingId) as { id: string; status: string; callCount: number; calls: number; requests: number }[];
  const tracked = [...world.visits.values()];
  checks.push(check('every visitor was registered once', visits.length === world.people.length && tracked.length === world.people.length, `${visits.length} visits in the file, ${tracked.length} acknowledged, ${world.people.length} visitors`));
  const byId = new Map(visits.map((v) => [v.id, v]));
  const wrongCalls = tracked.filter((t) => {
    const v = byId.get(t.visitId);
    return !v || t.calls !== 1 + t.requeues || v.callCount !== t.calls || v.calls !== t.calls;
  });
  checks.push(check('every visitor was called exactly once per time in the line (no-shows: once more after the requeue)', wrongCalls.length === 0, wrongCalls.length ? `${wrongCalls.length} wrong, e.g. ${JSON.stringify(wrongCalls[0])} / ${JSON.stringify(byId.get(wrongCalls[0]!.visitId))}` : `${tracked.reduce((s, t) => s + t.calls, 0)} calls, ${tracked.reduce((s, t) => s + t.requeues, 0)} requeues`));
  const notDone = visits.filter((v) => v.status !== 'done');
  checks.push(check('every visit finished', notDone.length === 0 && tracked.every((t) => t.finished), `${notDone.length} not done in the file, ${tracked.filter((t) => !t.finished).length} not finished by a desk`));

  // Requests and instructions.
  const requests = tracked.reduce((s, t) => s + t.requests, 0);
  const wrongRequests = tracked.filter((t) => byId.get(t.visitId)?.requests !== t.requests);
  checks.push(check('the file holds every request the desks registered or added', wrongRequests.length === 0, `${requests} requests`));
  const without = n(core, `SELECT count(*) AS n FROM requests r JOIN visits v ON v.id = r.visit_id WHERE v.meeting_id = ? AND NOT EXISTS (SELECT 1 FROM instructions i WHERE i.request_id = r.id AND i.status <> 'cancelled')`, meetingId);
  const live = n(core, `SELECT count(*) AS n FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE v.meeting_id = ? AND i.status <> 'cancelled'`, meetingId);
  const issuedTotal = Object.values(f.issued.byKind).reduce((a, b) => a + b, 0);
  checks.push(check('every request has one instruction', without === 0 && live === requests && issuedTotal === requests, `${live} live instructions, ${without} requests without, ${issuedTotal} issued by the desks`));
  const kinds = core.db.prepare(`SELECT i.kind, count(*) AS n FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE v.meeting_id = ? GROUP BY i.kind`).all(meetingId) as { kind: keyof Issued['byKind']; n: number }[];
  const kindsMatch = kinds.every((k) => f.issued.byKind[k.kind] === k.n) && kinds.length === Object.values(f.issued.byKind).filter((x) => x > 0).length;
  checks.push(check('instructions of every kind, as issued', kindsMatch && kinds.length === 5, JSON.stringify(f.issued.byKind)));
  const steps = n(core, `SELECT count(*) AS n FROM follow_ups WHERE kind IN ('call', 'letter', 'visit', 'note')`);
  const results = n(core, `SELECT count(*) AS n FROM follow_ups WHERE kind = 'result'`);
  checks.push(check('every follow-up step and result is in the file', steps === world.followupSteps && results === world.followupResults, `${steps} steps, ${results} results (desks: ${world.followupSteps}, ${world.followupResults})`));
  const clients = n(core, 'SELECT count(*) AS n FROM clients');
  checks.push(check('one record per person (no duplicate from the create paths or the refusals)', clients === world.people.length, `${clients} clients for ${world.people.length} people`));
  const orphans = n(core, 'SELECT count(*) AS n FROM visits v WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.visit_id = v.id)') + n(core, 'SELECT count(*) AS n FROM clients c WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id)');
  checks.push(check('nothing half-written (no visit without requests, no client without a visit)', orphans === 0, `${orphans}`));

  // Events: every desk's socket stayed up and received every event, in order.
  const badSockets = f.desks.filter((d) => d.socketProblem !== null || !d.socketOpen);
  checks.push(check('every desk’s WebSocket stayed connected', badSockets.length === 0, badSockets.map((d) => `${d.name}: ${d.socketProblem ?? 'not open'}`).join('; ') || `${f.desks.length} sockets`));
  const owed = (d: Desk) => (d.kind === 'display' ? f.emitted.forDisplays : f.emitted);
  const missed = f.desks.filter((d) => f.tallies.get(d)?.total !== owed(d).total || f.tallies.get(d)?.digest !== owed(d).digest);
  checks.push(
    check(
      'every desk received every event the core emitted for it, in order (a display: its board’s events only)',
      missed.length === 0,
      missed.map((d) => `${d.name}: ${f.tallies.get(d)?.total} of ${owed(d).total}`).join('; ') || `${f.emitted.total} events × ${f.desks.length} desks (${f.emitted.forDisplays.total} to each display)`,
    ),
  );
  const staleBoards = f.displays.filter((d) => d.failure !== null || d.changes !== f.emitted.queueChanged || d.lastReadAfter !== d.changes || !d.board || d.board.waiting.length > 0 || d.board.calling.length > 0);
  checks.push(check('each display read the board after the last queue change and shows it empty', staleBoards.length === 0, f.displays.map((d) => `${d.desk.name}: ${d.reads} reads for ${d.changes} changes`).join('; ')));

  // The file and the report.
  const integrity = core.db.pragma('integrity_check', { simple: true });
  const foreignKeys = (core.db.pragma('foreign_key_check') as unknown[]).length;
  checks.push(check('PRAGMA integrity_check', integrity === 'ok' && foreignKeys === 0, `${String(integrity)}, ${foreignKeys} foreign-key problems`));
  const differences = reportCountDifferences(core.db);
  checks.push(check('report counters equal a recomputation from the rows', differences.length === 0, differences.slice(0, 3).join('; ') || 'no difference'));
  const h = f.report.headline;
  const open = n(core, `SELECT count(*) AS n FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE v.meeting_id = ? AND i.status = 'open'`, meetingId);
  const delivered = n(core, `SELECT coalesce(sum(i.delivered_rials), 0) / 10 AS n FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE v.meeting_id = ? AND i.status <> 'cancelled'`, meetingId);
  const want = { visits: world.people.length, clients: world.people.length, requests, instructions: requests, answeredOnSpot: f.issued.byKind.answered, open, promisedToman: f.issued.promisedToman, deliveredToman: delivered };
  const got = { visits: h.visits, clients: h.clients, requests: h.requests, instructions: h.instructions, answeredOnSpot: h.answeredOnSpot, open: h.open, promisedToman: h.promisedToman, deliveredToman: h.deliveredToman };
  checks.push(check('the meeting’s report totals match the rows', JSON.stringify(want) === JSON.stringify(got), JSON.stringify(got)));
  checks.push(check('the audit chain is whole', f.audit.broken === null && f.audit.entries > 0, `${f.audit.entries} entries${f.audit.broken ? `, broken at ${JSON.stringify(f.audit.broken)}` : ''}`));
  checks.push(check('the meeting closes at the end (nobody left in the line)', f.meetingClosed, f.meetingClosed ? 'closed' : 'refused'));
  return checks;
}
