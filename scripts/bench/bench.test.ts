import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../province/generate';
import { runBench } from './index';
import type { Results } from './results';

/**
 * The benchmark runs and writes a well-formed results file: a tiny generated province, every
 * figure but the PDF (which needs the renderer build and Chromium), `--quick`. Nothing here
 * looks at how long anything took.
 */
describe('npm run bench', () => {
  const dir = mkdtempSync(join(tmpdir(), 'didar-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures a tiny province with --quick and writes results.json with every figure, its floor and its ratio', { timeout: 120_000 }, async () => {
    const file = join(dir, 'province.db');
    generateProvince({ out: file, clients: 400, visits: 1200, requests: 2000, years: 1, end: '2026-11-20', seed: 7, log: () => undefined });
    const out = join(dir, 'results.json');
    const lines: string[] = [];
    await runBench(['--db', file, '--quick', '--out', out, '--only', 'search,intake,history,event,report,size,memory'], (line) => lines.push(line));

    expect(existsSync(out)).toBe(true);
    const results = JSON.parse(readFileSync(out, 'utf8')) as Results;
    expect(results.format).toBe('didar-bench');
    expect(results.options).toMatchObject({ runs: 20, quick: true });
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.data).toMatchObject({ file, clients: 400, visits: 1200 });

    const ids = results.figures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['search.name', 'search.nationalId', 'intake', 'history', 'event', 'report.lastYear']));
    for (const f of results.figures) {
      expect(f.stat.n, f.id).toBe(f.id.startsWith('report.') ? 2 : 20);
      expect(Number.isFinite(f.stat.p50) && f.stat.p50 > 0, f.id).toBe(true);
      expect(f.stat.p50 <= f.stat.p95 && f.stat.p95 <= f.stat.max, f.id).toBe(true);
      expect(typeof f.goal.text, f.id).toBe('string');
      if (f.floor) {
        expect(f.floor.stat.n, f.id).toBe(f.stat.n);
        expect(f.ratio!.p95, f.id).toBeCloseTo(f.stat.p95 / f.floor.stat.p95, 10);
      }
    }
    // Every figure the issue compares with a floor has one.
    for (const id of ['search.name', 'search.nationalId', 'intake', 'event']) expect(results.figures.find((f) => f.id === id)?.floor, id).toBeDefined();

    const written = Object.fromEntries(results.written.map((w) => [w.id, w.value]));
    expect(written['db.per1MClients']).toBeGreaterThan(0);
    expect(written['station.rss']).toBeGreaterThan(0);

    // The printed table carries one row per figure.
    const printed = lines.join('\n');
    for (const f of results.figures) expect(printed).toContain(`| ${f.name} |`);
  });
});
