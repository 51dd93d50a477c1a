import { WebSocket, WebSocketServer } from 'ws';
import type { Station } from '../../../electron/station/server';
import { judge, type Figure } from '../results';
import type { BenchSession } from '../session';
import { now, since, sideBySideAsync } from '../stats';

const DESKS = 20;

/** `count` WebSocket clients of `url`; each calls `onMessage` with its data and the instant it arrived. */
async function connectDesks(url: string, count: number, onMessage: (data: string, at: bigint) => void): Promise<WebSocket[]> {
  const desks = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url);
          ws.on('open', () => resolve(ws));
          ws.on('error', reject);
        }),
    ),
  );
  for (const ws of desks) ws.on('message', (data) => onMessage(String(data), now()));
  return desks;
}

/** Waiting visitors in the benchmark's meeting, topped up (untimed) with clients of the data so "call next" has one each time. */
function ensureWaiting(session: BenchSession, needed: number): void {
  const db = session.core.db;
  const waiting = (db.prepare("SELECT count(*) AS n FROM visits WHERE meeting_id = ? AND status = 'waiting'").get(session.meetingId) as { n: number }).n;
  if (waiting >= needed) return;
  const clients = db
    .prepare('SELECT id FROM clients WHERE rowid % 503 = 7 AND id NOT IN (SELECT client_id FROM visits WHERE meeting_id = ?) LIMIT ?')
    .pluck()
    .all(session.meetingId, needed - waiting) as string[];
  for (const clientId of clients) {
    const r = session.call('visits.register', { meetingId: session.meetingId, clientId, requests: [{ categoryId: session.categoryIds[0]!, text: 'درخواست' }] });
    if (!r.ok) throw new Error(r.error.message);
  }
}

/**
 * "Call next" committed, and the `queue.changed` event it raises reaching 20 desks on the
 * station's WebSocket (all 20, from the commit — the instant the core hands out the event — to
 * the last desk's message handler). Beside it, in the same rounds, a bare `ws` server sending the
 * same payload to 20 clients: the floor of any WebSocket broadcast here. Desks and hosts share
 * this process, as the sending and the receiving share the machine's two cores.
 */
export async function eventFigure(session: BenchSession, station: Station, runs: number, warmup: number): Promise<Figure> {
  ensureWaiting(session, runs + warmup);
  const payload = JSON.stringify({ name: 'queue.changed', payload: { meetingId: session.meetingId } });

  let expected = 0;
  let arrived = 0;
  let lastArrival = 0n;
  let done: () => void = () => undefined;
  const onMessage = (data: string, at: bigint) => {
    const message = JSON.parse(data) as { name: string; payload?: { meetingId?: string } };
    if (message.name !== 'queue.changed' || message.payload?.meetingId !== session.meetingId) return; // heartbeats
    arrived++;
    lastArrival = at;
    if (arrived === expected) done();
  };
  const allArrived = () =>
    new Promise<void>((resolve) => {
      arrived = 0;
      expected = DESKS;
      done = resolve;
    });

  const wsUrl = `${station.url.replace(/^http/, 'ws')}api/events?token=${encodeURIComponent(session.token)}`;
  const desks = await connectDesks(wsUrl, DESKS, onMessage);

  const bare = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => bare.once('listening', () => resolve()));
  const bareDesks = await connectDesks(`ws://127.0.0.1:${(bare.address() as { port: number }).port}/`, DESKS, onMessage);
  while (bare.clients.size < DESKS) await new Promise((r) => setTimeout(r, 10));

  let callTotal = 0;
  try {
    const stats = await sideBySideAsync(
      {
        station: async () => {
          const arrivedAll = allArrived();
          const t = now();
          const r = session.call('queue.callNext', { meetingId: session.meetingId, desk: 'میز سنجش' });
          if (!r.ok || !r.value) throw new Error(r.ok ? 'no visitor waiting' : r.error.message);
          await arrivedAll;
          callTotal += since(t);
          return Number(lastArrival - session.lastEventAt()) / 1e6;
        },
        bare: async () => {
          const arrivedAll = allArrived();
          const t = now();
          for (const ws of bare.clients) ws.send(payload);
          await arrivedAll;
          return Number(lastArrival - t) / 1e6;
        },
      },
      runs,
      warmup,
    );
    return judge({
      id: 'event',
      name: `"call next" event to ${DESKS} WebSocket desks on the station`,
      stat: stats.station,
      floor: { name: `bare ws broadcast to ${DESKS}`, stat: stats.bare },
      goal: { p95Ms: 50, ratioP95: 2, text: 'p95 ≤ 50 ms, ≤ 2× bare' },
      note: `from the commit to the last desk; the whole call (dispatch + commit + delivery) took ${(callTotal / (runs + warmup)).toFixed(2)} ms on average`,
    });
  } finally {
    for (const ws of [...desks, ...bareDesks]) ws.terminate();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
}
