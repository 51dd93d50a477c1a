import { cpus, loadavg, totalmem } from 'node:os';
import { contract } from '../../electron/core/contract';
import type { MethodSpec } from '../../electron/core/contract/define';
import { LatencyHistogram } from './latency';
import { MiB, MILESTONES } from './memory';
import type { SoakResult } from './soak';

const round = (x: number | null, digits = 2) => (x === null ? null : Number(x.toFixed(digits)));
const mib = (bytes: number) => round(bytes / MiB, 1);

function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: round(totalmem() / 1024 ** 3, 1), node: process.version, loadAverage: loadavg().map((x) => round(x, 2)) };
}

function latencyRow(name: string, h: LatencyHistogram) {
  return { name, calls: h.count, p50: round(h.percentile(50)), p95: round(h.percentile(95)), p99: round(h.percentile(99)), max: round(h.max) };
}

/** Everything the soak measured, as written to bench/soak.json. */
export function summary(r: SoakResult, loadAtStart: number[]) {
  const specs = contract as unknown as Record<string, MethodSpec>;
  const reads = new LatencyHistogram();
  const writes = new LatencyHistogram();
  for (const [method, h] of r.stats.latency) (specs[method]?.readonly ? reads : writes).merge(h);
  const all = new LatencyHistogram();
  all.merge(reads);
  all.merge(writes);
  return {
    when: new Date().toISOString(),
    passed: r.passed,
    machine: { ...machine(), loadAverageAtStart: loadAtStart.map((x) => round(x, 2)) },
    options: { ...r.options, log: undefined },
    desks: r.mix,
    day: {
      realSeconds: round(r.daySeconds, 1),
      eventLoopDelayMs: { p50: round(r.loopDelay.p50), p99: round(r.loopDelay.p99), max: round(r.loopDelay.max) },
      scheduledBackups: r.options.backups ? r.backupsMade : null,
      setupSeconds: round(r.setupSeconds, 1),
      visitors: r.options.visitors,
      requests: r.requests,
      instructions: r.issued.byKind,
      promisedToman: r.issued.promisedToman,
      requeues: r.requeues,
      followupSteps: r.followupSteps,
      followupResults: r.followupResults,
    },
    calls: {
      total: r.stats.calls,
      ok: r.stats.ok,
      refusalsProvoked: Object.fromEntries(r.stats.refusals),
      errors: r.stats.errorCount,
      internal: r.stats.internal,
      statuses: Object.fromEntries(r.stats.status),
      firstErrors: r.stats.errors.slice(0, 10),
      loggedByCore: r.internalErrors.slice(0, 10),
    },
    latencyMs: {
      all: latencyRow('all', all),
      reads: latencyRow('reads', reads),
      writes: latencyRow('writes', writes),
      byMethod: [...r.stats.latency].sort(([a], [b]) => a.localeCompare(b)).map(([m, h]) => latencyRow(m, h)),
    },
    dispatchMs: [...r.dispatchTime].sort(([a], [b]) => a.localeCompare(b)).map(([m, h]) => latencyRow(m, h)),
    events: { emitted: r.eventsEmitted, delivered: r.stats.eventsDelivered },
    memoryMiB: {
      milestones: MILESTONES.map((p) => {
        const s = r.sampler.milestones.get(p);
        return { percent: p, finished: s?.finished ?? null, atSeconds: round(s?.at ?? null, 1), rss: s ? mib(s.rss) : null, heapAfterGc: s ? mib(s.heapUsed) : null };
      }),
      samples: r.sampler.samples.length,
      secondHalfSlopePerThousandVisitors: r.memory ? { heap: r.memory.heapSlope === null ? null : mib(r.memory.heapSlope), rss: r.memory.rssSlope === null ? null : mib(r.memory.rssSlope) } : null,
      heapGrowth75to100: r.memory?.heapGrowth == null ? null : mib(r.memory.heapGrowth),
      rssLastQuarterFloorOverFirstHalfPeak: r.memory?.rssFloorOverPeak == null ? null : mib(r.memory.rssFloorOverPeak),
      bounds: r.options.checkMemory ? r.options.bounds ?? null : null,
    },
    databaseMiB: mib(r.databaseBytes),
    checks: r.checks,
  };
}

export type Summary = ReturnType<typeof summary>;

const pad = (s: unknown, n: number) => String(s ?? '–').padStart(n);

/** The table printed at the end of `npm run soak`. */
export function table(s: Summary): string {
  const lines: string[] = [];
  const m = s.machine;
  lines.push(`machine   ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAverageAtStart.join(' ')} → ${m.loadAverage.join(' ')}`);
  lines.push(`desks     ${s.desks.intake} intake, ${s.desks.official} officials, ${s.desks.followup} follow-up, ${s.desks.display} displays`);
  lines.push(`day       ${s.day.visitors} visitors, ${s.day.requests} requests, ${Object.values(s.day.instructions).reduce((a, b) => a + b, 0)} instructions ${JSON.stringify(s.day.instructions)}, ${s.day.requeues} no-shows requeued, ${s.day.followupSteps} follow-up steps, ${s.day.followupResults} results`);
  lines.push(`time      ${s.day.realSeconds} s real for the day (setup ${s.day.setupSeconds} s); event loop late by p50 ${s.day.eventLoopDelayMs.p50} / p99 ${s.day.eventLoopDelayMs.p99} / max ${s.day.eventLoopDelayMs.max} ms`);
  if (s.day.scheduledBackups !== null) lines.push(`backups   ${s.day.scheduledBackups} made on schedule during the day`);
  lines.push(`calls     ${s.calls.total} (${s.calls.ok} ok, ${Object.values(s.calls.refusalsProvoked).reduce((a, b) => a + b, 0)} provoked refusals, ${s.calls.errors} errors, ${s.calls.internal} internal)`);
  lines.push(`events    ${s.events.emitted} emitted, ${s.events.delivered} delivered to ${s.desks.intake + s.desks.official + s.desks.followup + s.desks.display} sockets`);
  lines.push(`database  ${s.databaseMiB} MiB`);
  lines.push('');
  // Per method: what the desk waited (HTTP round trip) and, after the bar, the time inside the core's dispatch.
  lines.push(`${'ms: desk latency | core'.padEnd(26)}${pad('calls', 7)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('max', 8)} |${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}`);
  const core = new Map(s.dispatchMs.map((row) => [row.name, row]));
  for (const row of [s.latencyMs.all, s.latencyMs.reads, s.latencyMs.writes, ...s.latencyMs.byMethod]) {
    const c = core.get(row.name);
    lines.push(
      `${row.name.padEnd(26)}${pad(row.calls, 7)}${pad(row.p50, 8)}${pad(row.p95, 8)}${pad(row.p99, 8)}${pad(row.max, 8)} |${c ? `${pad(c.p50, 7)}${pad(c.p95, 7)}${pad(c.p99, 7)}` : ''}`,
    );
  }
  lines.push('');
  lines.push(`${'memory MiB'.padEnd(26)}${pad('finished', 9)}${pad('at s', 8)}${pad('rss', 9)}${pad('heap', 9)}`);
  for (const row of s.memoryMiB.milestones) lines.push(`${`${row.percent} %`.padEnd(26)}${pad(row.finished, 9)}${pad(row.atSeconds, 8)}${pad(row.rss, 9)}${pad(row.heapAfterGc, 9)}`);
  const slope = s.memoryMiB.secondHalfSlopePerThousandVisitors;
  if (slope)
    lines.push(
      `second half, per 1,000 visitors: heap ${slope.heap} MiB, rss ${slope.rss} MiB; heap 75→100 %: ${s.memoryMiB.heapGrowth75to100} MiB; rss floor of the last quarter over the first half's peak: ${s.memoryMiB.rssLastQuarterFloorOverFirstHalfPeak} MiB`,
    );
  lines.push('');
  for (const c of s.checks) lines.push(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
  if (s.calls.firstErrors.length) {
    lines.push('', 'first failures:');
    for (const e of s.calls.firstErrors) lines.push(`  ${e.desk} ${e.method} ${e.status} input ${e.input} answer ${e.answer}`);
  }
  if (s.calls.loggedByCore.length) {
    lines.push('', 'logged by the core:');
    for (const e of s.calls.loggedByCore) lines.push(`  ${e}`);
  }
  lines.push('', s.passed ? 'PASSED' : 'FAILED');
  return lines.join('\n');
}
