import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenMeeting, createTempCore, firstCategoryId, must, registerVisitor, type TempCore } from '../testing/tempCore';

/**
 * Proofs that nothing is lost: intakes survive SIGKILL at random moments, and desks in
 * separate processes calling "next" at the same instant never share or skip a visitor.
 * `npm run proof` runs the long versions (50 kills, 1,000 calls by four desks); here they run
 * shorter, so `npm test` stays fast.
 */
const KILLS = Number(process.env.DIDAR_PROOF_KILLS ?? 6);
const VISITORS = Number(process.env.DIDAR_PROOF_VISITORS ?? 300);
const DESKS = Number(process.env.DIDAR_PROOF_DESKS ?? 3);

let t: TempCore;
beforeEach(() => {
  t = createTempCore();
});
afterEach(() => t.cleanup());

function child(script: string, args: string[]): { process: ChildProcess; lines: AsyncIterableIterator<string> } {
  const p = spawn(process.execPath, ['--import', 'tsx', `electron/core/proof/${script}`, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  p.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  p.on('exit', (code, signal) => {
    if (code !== 0 && code !== null && signal === null) console.error(`${script} exited ${code}: ${stderr}`);
  });
  return { process: p, lines: createInterface({ input: p.stdout! })[Symbol.asyncIterator]() };
}

async function until(lines: AsyncIterableIterator<string>, word: string): Promise<void> {
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new Error(`the child ended before «${word}»`);
    if (next.value === word) return;
  }
}

describe('nothing is lost', () => {
  it(`every acknowledged intake is whole after SIGKILL at random moments (${KILLS} times), and the file passes integrity_check`, async () => {
    const token = t.setupAdmin();
    const admin = t.as(token);
    const meetingId = createOpenMeeting(admin);
    t.core.close();
    const acked = new Map<string, { clientId: string; nationalId: string; requests: number }>();
    let seed = 0;
    for (let k = 0; k < KILLS; k++) {
      const c = child('intakeLoop.ts', ['--file', t.file, '--meeting', meetingId, `--token=${token}`, '--start', String(seed), '--clock', t.clock().toISOString()]);
      await until(c.lines, 'ready');
      const killAt = 50 + Math.floor(Math.random() * 400);
      const timer = setTimeout(() => c.process.kill('SIGKILL'), killAt);
      for await (const line of c.lines) {
        const [word, visitId, clientId, nationalId, requests] = line.split(' ');
        if (word === 'ack') acked.set(visitId!, { clientId: clientId!, nationalId: nationalId!, requests: Number(requests) });
      }
      clearTimeout(timer);
      await new Promise((r) => (c.process.exitCode !== null || c.process.signalCode !== null ? r(null) : c.process.once('exit', r)));
      expect(c.process.signalCode).toBe('SIGKILL');
      seed += 100_000;

      // After each kill: open the file as the next start would, and find every acknowledged intake whole.
      const db = new Database(t.file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const visit = db.prepare('SELECT v.client_id, c.national_id, (SELECT count(*) FROM requests r WHERE r.visit_id = v.id) AS requests FROM visits v JOIN clients c ON c.id = v.client_id WHERE v.id = ?');
      for (const [visitId, a] of acked) {
        expect(visit.get(visitId), visitId).toEqual({ client_id: a.clientId, national_id: a.nationalId, requests: a.requests });
      }
      // Nothing half-written: no visit without requests, no client without a visit.
      expect(db.prepare('SELECT count(*) AS n FROM visits v WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.visit_id = v.id)').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM clients c WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id)').get()).toEqual({ n: 0 });
      db.close();
    }
    expect(acked.size).toBeGreaterThan(KILLS);
  }, 120_000);

  it(`${DESKS} desks in separate processes call "next" at the same instant for ${VISITORS} visitors: none is handed out twice, none is skipped`, async () => {
    const token = t.setupAdmin();
    const admin = t.as(token);
    const meetingId = createOpenMeeting(admin);
    const categoryId = firstCategoryId(admin);
    t.core.db.transaction(() => {
      for (let seed = 1; seed <= VISITORS; seed++) registerVisitor(admin, meetingId, categoryId, seed);
    })();
    const waiting = must(admin('queue.list', { meetingId })).waiting.map((w) => w.visitId);
    expect(waiting).toHaveLength(VISITORS);

    const desks = Array.from({ length: DESKS }, (_, d) => child('callNextLoop.ts', ['--file', t.file, '--meeting', meetingId, `--token=${token}`, '--desk', `میز ${d + 1}`, '--clock', t.clock().toISOString()]));
    for (const d of desks) await until(d.lines, 'ready');
    const at = Date.now() + 500;
    for (const d of desks) d.process.stdin!.write(`go ${at}\n`);
    const handed = await Promise.all(
      desks.map(async (d) => {
        const ids: string[] = [];
        for await (const line of d.lines) {
          if (line === 'done') break;
          if (line) ids.push(line);
        }
        return ids;
      }),
    );
    const all = handed.flat();
    expect(new Set(all).size, 'a visitor handed to two desks').toBe(all.length);
    expect(all.sort()).toEqual([...waiting].sort());
    // They really raced: more than one desk was handed visitors.
    expect(handed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    // The call order has no holes or repeats.
    const seqs = t.core.db.prepare('SELECT call_seq FROM visits WHERE meeting_id = ? ORDER BY call_seq').pluck().all(meetingId) as number[];
    expect(seqs).toEqual(Array.from({ length: VISITORS }, (_, i) => i + 1));
  }, 120_000);
});
