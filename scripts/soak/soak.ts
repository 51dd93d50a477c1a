import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { startBackupScheduler } from '../../electron/core/backup/scheduler';
import type { Actor, SessionInfo } from '../../electron/core/contract';
import { tehranDate } from '../../electron/core/domain/time';
import { startOutboxSender } from '../../electron/core/outbox/sender';
import { startStation } from '../../electron/station/server';
import { eventIsFor } from '../../electron/station/eventAudience';
import { type Check, checkDay } from './checks';
import { SoakClock } from './clock';
import type { Day } from './day';
import { Desk, SoakStats } from './desk';
import { DisplayDesk } from './displayDesk';
import { runFollowupDesk } from './followupDesk';
import { runIntakeDesk } from './intakeDesk';
import type { LatencyHistogram } from './latency';
import { DEFAULT_BOUNDS, judgeMemory, MemorySampler, type MemoryBounds, type MemoryVerdict } from './memory';
import { newIssued, runOfficialDesk, type Issued } from './officialDesk';
import { seeded } from './random';
import { deskMix, type DeskMix, prepare, SOAK_PASSWORD } from './setup';
import { timedCore } from './timedCore';
import { World } from './world';

/** Any waiting-room display: what the station lets a display's socket hear depends only on the role. */
const A_DISPLAY: Actor = { userId: '', username: '', displayName: '', role: 'display', unitId: null, agencyId: null };

export interface SoakOptions {
  desks: number;
  visitors: number;
  /** Real minutes one simulated hour takes; 0: no think-times at all (the test's short day). */
  minutesPerHour: number;
  /** Hours the intake desks take arrivals (the officials go on until the line is empty). */
  hours: number;
  /** Share of visitors who came before (found by search, with a history). */
  returning: number;
  seed: number;
  /** Real seconds between memory samples. */
  sampleSeconds: number;
  /** Run the station's backup schedule during the day, as `npm run station` does (every 4 simulated hours by default). */
  backups: boolean;
  /** Check the memory bounds (the full soak; needs --expose-gc). */
  checkMemory: boolean;
  bounds?: MemoryBounds;
  log?: (line: string) => void;
}

export interface SoakResult {
  options: SoakOptions;
  mix: DeskMix;
  checks: Check[];
  memory: MemoryVerdict | null;
  stats: SoakStats;
  /** Time inside the core's dispatch per method. */
  dispatchTime: Map<string, LatencyHistogram>;
  sampler: MemorySampler;
  issued: Issued;
  requests: number;
  requeues: number;
  followupSteps: number;
  followupResults: number;
  eventsEmitted: number;
  /** Of those, what the station sends each waiting-room display. */
  eventsForDisplays: number;
  /** Real seconds the day took (from the desks' first call to the last visit finished). */
  daySeconds: number;
  /** How late the event loop ran timers during the day, ms (station and desks share this process). */
  loopDelay: { p50: number; p99: number; max: number };
  /** Backups the schedule made during the day. */
  backupsMade: number;
  /** What the core logged as unexpected (each reached its caller only as `internal`, or happened outside a call). */
  internalErrors: string[];
  setupSeconds: number;
  databaseBytes: number;
  passed: boolean;
}

async function login(base: URL, username: string): Promise<SessionInfo> {
  const res = await fetch(new URL('/api/auth.login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: SOAK_PASSWORD }),
  });
  const body = (await res.json()) as { ok: boolean; value?: SessionInfo; error?: unknown };
  if (!body.ok || !body.value) throw new Error(`sign-in of ${username} refused: ${JSON.stringify(body.error)}`);
  return body.value;
}

/**
 * The soak: a station in this process on a fresh temporary database (with the outbox sender
 * and, unless turned off, the backup schedule, as `npm run station` runs them), an earlier
 * meeting for the returning visitors' history, then one accelerated meeting day worked by every
 * desk at once through HTTP and WebSocket, as browsers would; then every correctness check and
 * the memory verdict.
 */
export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? (() => undefined);
  const mix = deskMix(o.desks);
  const random = seeded(o.seed);
  const clock = new SoakClock(o.minutesPerHour > 0 ? 60 / o.minutesPerHour : Infinity, new Date(Date.now() - 28 * 86_400_000 - 6 * 3_600_000));
  const dir = mkdtempSync(join(tmpdir(), 'didar-soak-'));
  const file = join(dir, 'didar.sqlite');
  const internalErrors: string[] = [];
  const core = createCore({ file, now: clock.now, log: (message, error) => internalErrors.push(`${message}: ${String(error)}`) });
  /** Undone in reverse order whatever happens. */
  const cleanups: (() => unknown)[] = [() => rmSync(dir, { recursive: true, force: true }), () => core.close()];
  const setupStarted = performance.now();
  try {
    const { users, lists, people } = prepare(core, clock, { mix, visitors: o.visitors, returning: o.returning, hours: o.hours }, random);
    log(`setup: ${users.length} desks' users; an earlier meeting for ${people.filter((p) => p.returning).length} returning visitors`);

    // The day: the station, today's meeting opened by the admin, every desk signed in with its own socket.
    clock.startDay();
    const timed = timedCore(core);
    const station = await startStation({ core: timed.core, rendererDir: mkdtempSync(join(dir, 'no-renderer-')), host: '127.0.0.1', port: 0 });
    cleanups.push(() => station.close());
    cleanups.push(startOutboxSender(core.db, 20_000, (e) => internalErrors.push(`outbox: ${String(e)}`)));
    const stopBackups = o.backups ? startBackupScheduler(core) : () => undefined;
    cleanups.push(stopBackups);
    const base = new URL(station.url);
    const stats = new SoakStats();
    const morning = new Desk('admin', 'admin', base, (await login(base, 'admin')).token, stats);
    cleanups.push(() => morning.close());
    const meeting = await morning.call('meetings.create', {
      kind: 'weekly_public',
      title: 'ملاقات عمومی مدیرکل (آزمون پایداری)',
      date: tehranDate(clock.now()),
      place: 'سالن اجتماعات اداره کل',
      presiding: 'مدیرکل',
    });
    await morning.call('meetings.open', { id: meeting.id });
    const desks: Desk[] = [];
    for (const u of users) {
      const desk = new Desk(`${u.kind} ${u.n}`, u.kind, base, (await login(base, u.username)).token, stats);
      desks.push(desk);
      cleanups.push(() => desk.close());
    }
    await Promise.all(desks.map((d) => d.connect()));

    // From here on, the core's own record of what it emitted: every socket must match it.
    const emittedHash = createHash('sha256');
    const displayHash = createHash('sha256');
    const emitted = { total: 0, digest: '', queueChanged: 0, forDisplays: { total: 0, digest: '' } };
    const stopListening = core.onEvent((event) => {
      emittedHash.update(JSON.stringify(event)).update('\n');
      emitted.total += 1;
      // The station sends a display only the events its board shows (eventAudience.ts).
      if (eventIsFor(A_DISPLAY, event)) {
        displayHash.update(JSON.stringify(event)).update('\n');
        emitted.forDisplays.total += 1;
      }
      if (event.name === 'queue.changed' && event.payload.meetingId === meeting.id) emitted.queueChanged += 1;
    });
    cleanups.push(stopListening);

    const world = new World(people, clock);
    const day: Day = { meetingId: meeting.id, lists, clock, world };
    const sampler = new MemorySampler(o.visitors, () => world.finished);
    world.onFinished = (finished) => sampler.onFinished(finished);
    cleanups.push(() => sampler.stop());
    const issued = newIssued();
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    log(`day: ${o.visitors} visitors, desks ${JSON.stringify(mix)}, ${o.minutesPerHour > 0 ? `${o.minutesPerHour} real minute(s) per simulated hour` : 'no think-times'}`);

    const dayStarted = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    sampler.start(o.sampleSeconds * 1000);
    const progress = setInterval(() => log(`  ${world.registered} registered, ${world.finished} finished, ${stats.calls} calls, ${stats.eventsDelivered} events delivered`), 30_000);
    // A day that stops moving (someone never called, a desk waiting forever) fails instead of hanging.
    const stallMs = Math.max(30_000, clock.realMs(45));
    let moved = { at: performance.now(), value: -1 };
    const watchdog = setInterval(() => {
      const value = world.progress();
      if (value !== moved.value) moved = { at: performance.now(), value };
      else if (performance.now() - moved.at > stallMs) world.abort(`the day stalled: nothing moved for ${Math.round(stallMs / 1000)} s (${world.registered} registered, ${world.finished} finished)`);
    }, 1000);
    cleanups.push(() => clearInterval(progress), () => clearInterval(watchdog));

    const running = (what: Promise<void>) => what.catch((e: unknown) => world.abort(e instanceof Error ? e.message : String(e)));
    const displays = desks.filter((d) => d.kind === 'display').map((d) => new DisplayDesk(d, day));
    await Promise.all(displays.map((d) => d.start()));
    let officials = 0;
    let followups = 0;
    await Promise.all(
      desks.map((d) => {
        if (d.kind === 'intake') return running(runIntakeDesk(d, day, random.fork()));
        if (d.kind === 'official') return running(runOfficialDesk(d, day, random.fork(), `میز ${++officials}`, issued));
        if (d.kind === 'followup') return running(runFollowupDesk(d, day, random.fork(), followups++, mix.followup));
        return Promise.resolve();
      }),
    );
    clearInterval(progress);
    clearInterval(watchdog);
    const daySeconds = (performance.now() - dayStarted) / 1000;
    loop.disable();
    const loopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
    // A backup still being written finishes before the file is checked; then the schedule stops.
    await core.backups.idle();
    stopBackups();

    // The displays finish their last read and every socket receives the last events.
    await Promise.all(displays.map((d) => d.settled()));
    const expected = (d: Desk) => (d.kind === 'display' ? emitted.forDisplays.total : emitted.total);
    for (let waited = 0; waited < 10_000 && desks.some((d) => d.receivedTotal < expected(d)); waited += 50) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(displays.map((d) => d.settled()));
    // Nothing is emitted now (the displays' reads change nothing): stop counting, and take each desk's tally at the same moment.
    stopListening();
    emitted.digest = emittedHash.digest('hex');
    emitted.forDisplays.digest = displayHash.digest('hex');
    const tallies = new Map(desks.map((d) => [d, { total: d.receivedTotal, digest: d.eventsDigest() }]));
    sampler.stop();
    if (!sampler.milestones.has(100)) sampler.milestones.set(100, sampler.take());

    // The evening: the admin signs in again (the morning's session went idle), reads the report, checks the audit chain, closes the meeting.
    const evening = new Desk('admin (evening)', 'admin', base, (await login(base, 'admin')).token, stats);
    cleanups.push(() => evening.close());
    const report = await evening.call('reports.build', { meetingId: meeting.id });
    const audit = await evening.call('audit.verify', {});
    const closed = world.aborted === null ? await evening.call('meetings.close', { id: meeting.id }).then(() => true, () => false) : false;
    const backups = (await evening.call('backup.list', {})).backups.filter((b) => b.reason === 'scheduled');

    const checks = checkDay({ core, meetingId: meeting.id, world, stats, desks, tallies, displays, emitted, internalErrors, issued, report, audit, meetingClosed: closed });
    if (o.backups) {
      const bad = backups.filter((b) => b.check.state !== 'ok');
      checks.push({
        name: 'the scheduled backups of the day were made and pass their check',
        ok: backups.length > 0 && bad.length === 0,
        detail: `${backups.length} made${bad.length ? `, not ok: ${bad.map((b) => `${b.name} ${b.check.state} ${b.check.message ?? ''}`).join('; ')}` : ''}`,
      });
    }
    const memory = o.checkMemory ? judgeMemory(sampler, o.visitors, o.bounds ?? DEFAULT_BOUNDS) : null;
    if (memory) checks.push({ name: 'memory does not grow without bound', ok: memory.problems.length === 0, detail: memory.problems.join('; ') || 'within the bounds' });

    for (const d of [morning, evening, ...desks]) d.close();
    await station.close();
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const tracked = [...world.visits.values()];
    return {
      options: o,
      mix,
      checks,
      memory,
      stats,
      dispatchTime: timed.times,
      sampler,
      issued,
      requests: tracked.reduce((s, t) => s + t.requests, 0),
      requeues: tracked.reduce((s, t) => s + t.requeues, 0),
      followupSteps: world.followupSteps,
      followupResults: world.followupResults,
      eventsEmitted: emitted.total,
      eventsForDisplays: emitted.forDisplays.total,
      daySeconds,
      loopDelay,
      backupsMade: backups.length,
      internalErrors,
      setupSeconds,
      databaseBytes: statSync(file).size,
      passed: checks.every((c) => c.ok),
    };
  } finally {
    for (const undo of cleanups.reverse()) {
      try {
        await undo();
      } catch {
        // already undone (a second close of the station, of a desk)
      }
    }
  }
}
