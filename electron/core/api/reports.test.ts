import { afterEach, describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../contract';
import { toLatinDigits } from '../domain/digits';
import { newId } from '../domain/ids';
import { withCheckDigit } from '../domain/nationalId';
import { checkStatedTotal } from '../domain/statistics';
import { createOpenMeeting, createTempCore, must, nationalIdFor, signInUser, type Call, type TempCore } from '../testing/tempCore';

/** A small seeded generator, so a failing case can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const TABLES = ['byKind', 'byCategory', 'byUnit', 'byAgency', 'byCounty', 'byFunder', 'byIssuer', 'byCircumstance', 'byOutcome', 'timeWithOfficial', 'byDesk'] as const;

function sumColumn(t: ReportTable, c: number): number {
  return t.rows.reduce((s, r) => s + r.values[c]!, 0);
}

describe('reports', () => {
  let t: TempCore;
  afterEach(() => t.cleanup());

  it('on generated data: every figure equals an independent count, every total is the sum of its rows and agrees across tables', () => {
    t = createTempCore();
    const adminToken = t.setupAdmin();
    const admin = t.as(adminToken);
    const official = t.as(signInUser(t, adminToken, { username: 'official1', role: 'official' }));
    const lists = must(admin('lists.all', {}));
    const random = lcg(2026);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const meetings = [createOpenMeeting(admin, 'ملاقات عمومی اول'), createOpenMeeting(admin, 'ملاقات عمومی دوم')];

    let seed = 1;
    for (const meetingId of meetings) {
      for (let v = 0; v < 14; v++) {
        const requests = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ categoryId: pick(lists.categories).id, text: 'درخواست' }));
        must(
          admin('visits.register', {
            meetingId,
            newClient: {
              nationalId: nationalIdFor(seed++),
              firstName: 'مددجو',
              lastName: `شماره ${seed}`,
              sex: random() < 0.5 ? 'male' : 'female',
              countyId: random() < 0.9 ? pick(lists.counties).id : null,
              circumstances: random() < 0.3 ? ['disability'] : random() < 0.3 ? ['female_head', 'low_income'] : [],
            },
            requests,
          }),
        );
      }
      // The official calls everyone; one in seven does not show up; the rest get an instruction per request.
      for (;;) {
        const called = must(official('queue.callNext', { meetingId, desk: random() < 0.5 ? 'میز ۱' : 'میز ۲' }));
        if (!called) break;
        if (random() < 1 / 7) {
          must(official('queue.noShow', { visitId: called.visitId }));
          continue;
        }
        for (const r of called.requests) {
          const kind = pick(['answered', 'unit', 'agency', 'not_possible', 'review'] as const);
          const amount = random() < 0.4 ? Math.floor(random() * 50) * 100_000 : null;
          const issued = must(
            official('instructions.issue', {
              requestId: r.id,
              fields: {
                kind,
                text: 'دستور',
                answer: kind === 'answered' ? 'پاسخ' : '',
                reason: kind === 'not_possible' ? 'دلیل' : '',
                reviewer: kind === 'review' ? 'معاون' : '',
                unitId: kind === 'unit' ? pick(lists.units).id : null,
                agencyId: kind === 'agency' ? pick(lists.agencies).id : null,
                dueDate: kind === 'unit' || kind === 'agency' || kind === 'review' ? '2026-05-01' : null,
                amountToman: amount,
                funder: amount ? pick(['welfare', 'agency', 'charity', 'client'] as const) : null,
              },
            }),
          );
          if (issued.status === 'open' && random() < 0.5) {
            const outcome = pick(['done', 'partly_done', 'not_possible'] as const);
            must(
              official('followups.close', {
                instructionId: issued.id,
                outcome,
                reasonId: outcome === 'not_possible' ? lists.outcomeReasons[0]!.id : null,
                deliveredToman: outcome === 'not_possible' ? null : Math.floor(random() * 20) * 50_000,
                funder: outcome === 'not_possible' ? null : 'welfare',
              }),
            );
          }
        }
        must(official('visits.finish', { visitId: called.visitId }));
      }
    }

    const report = must(admin('reports.build', {}));
    const db = t.core.db;
    const count = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;

    // Independent counts, straight from the tables.
    expect(report.headline.meetings).toBe(2);
    expect(report.headline.visits).toBe(count('SELECT count(*) AS n FROM visits'));
    expect(report.headline.clients).toBe(count('SELECT count(DISTINCT client_id) AS n FROM visits'));
    expect(report.headline.requests).toBe(count('SELECT count(*) AS n FROM requests'));
    expect(report.headline.instructions).toBe(count("SELECT count(*) AS n FROM instructions WHERE status <> 'cancelled'"));
    expect(report.headline.answeredOnSpot).toBe(count("SELECT count(*) AS n FROM instructions WHERE kind = 'answered'"));
    expect(report.headline.open).toBe(count("SELECT count(*) AS n FROM instructions WHERE status = 'open'"));
    expect(report.headline.promisedToman).toBe(count('SELECT coalesce(sum(amount_rials), 0) / 10 AS n FROM instructions'));
    expect(report.headline.deliveredToman).toBe(count('SELECT coalesce(sum(delivered_rials), 0) / 10 AS n FROM instructions'));
    expect(report.queue.noShows).toBe(count("SELECT count(*) AS n FROM visits WHERE status = 'no_show'"));
    for (const row of report.byKind.rows) expect(row.values[0]).toBe(count('SELECT count(*) AS n FROM instructions WHERE kind = ?', row.key));
    for (const row of report.byCategory.rows) {
      expect(row.values[0]).toBe(count('SELECT count(*) AS n FROM requests WHERE category_id = ?', row.key));
      expect(row.values[1]).toBe(count('SELECT count(*) AS n FROM instructions i JOIN requests r ON r.id = i.request_id WHERE r.category_id = ?', row.key));
    }
    for (const row of report.byAgency.rows) expect(row.values[0]).toBe(count('SELECT count(*) AS n FROM instructions WHERE agency_id = ?', row.key));
    for (const row of report.byFunder.rows) {
      expect(row.values[0]).toBe(count('SELECT coalesce(sum(amount_rials), 0) / 10 AS n FROM instructions WHERE funder = ?', row.key));
      expect(row.values[1]).toBe(count('SELECT coalesce(sum(delivered_rials), 0) / 10 AS n FROM instructions WHERE delivered_funder = ?', row.key));
    }
    expect(report.headline.instructions).toBeGreaterThan(20);
    expect(report.headline.deliveredToman).toBeGreaterThan(0);

    // Every total is the sum of its rows.
    for (const key of TABLES) {
      const table = report[key];
      table.columns.forEach((_, c) => expect(table.totals[c], `${key} column ${c}`).toBe(sumColumn(table, c)));
    }
    expect(report.daysToResult.totals[0]).toBe(sumColumn(report.daysToResult, 0));

    // The same figure is the same in every table that shows it.
    const h = report.headline;
    expect(report.byKind.totals[0]).toBe(h.instructions);
    expect(report.byCategory.totals).toEqual([h.requests, h.instructions, h.answeredOnSpot]);
    expect(report.byIssuer.totals).toEqual([h.instructions, h.answeredOnSpot]);
    expect(report.byOutcome.totals[0]).toBe(h.instructions);
    expect(report.byCounty.totals).toEqual([h.visits, h.requests]);
    expect(report.byFunder.totals).toEqual([h.promisedToman, h.deliveredToman]);
    expect(report.byUnit.totals[0]).toBe(report.byKind.rows.find((r) => r.key === 'unit')!.values[0]);
    expect(report.byAgency.totals[0]).toBe(report.byKind.rows.find((r) => r.key === 'agency')!.values[0]);
    expect(report.byUnit.totals[1]! + report.byAgency.totals[1]!).toBeLessThanOrEqual(h.open);
    expect(report.byOutcome.rows.find((r) => r.key === 'open')!.values[0]).toBe(h.open);
    expect(report.timeWithOfficial.totals[0]).toBe(count("SELECT count(*) AS n FROM visits WHERE status = 'done'"));
    expect(report.byDesk.totals[0]).toBe(count('SELECT count(*) AS n FROM visits WHERE desk IS NOT NULL'));

    // The press summary says only what the report says: every number in it is one of the report's figures.
    const figures = new Set<number>([
      h.visits, h.clients, h.requests, h.instructions, h.answeredOnSpot, h.answeredOnSpotPercent ?? -1, h.closed, h.open,
      h.promisedToman, h.deliveredToman,
      report.byKind.rows.find((r) => r.key === 'unit')!.values[0]! + report.byKind.rows.find((r) => r.key === 'agency')!.values[0]!,
      Math.max(...report.byCategory.rows.map((r) => r.values[0]!)),
    ]);
    const numbers = [...toLatinDigits(report.summary).replace(/٬/g, '').replace(/٫/g, '.').matchAll(/\d+(\.\d+)?/g)].map((m) => Number(m[0]));
    expect(numbers.length).toBeGreaterThan(6);
    for (const n of numbers) expect(figures, `${n} in «${report.summary}»`).toContain(n);
    expect(report.summary).toContain('در سطح استان');

    // The parts of a scope add up to the whole: per meeting, and per county (plus clients with no county).
    const per = (scopes: Report[]) => scopes.reduce((s, r) => s + r.headline.requests, 0);
    expect(per(meetings.map((meetingId) => must(admin('reports.build', { meetingId }))))).toBe(h.requests);
    const byCountyScopes = lists.counties.map((c) => must(admin('reports.build', { countyId: c.id })));
    const noCounty = report.byCounty.rows.find((r) => r.key === 'unknown')?.values[1] ?? 0;
    expect(per(byCountyScopes) + noCounty).toBe(h.requests);
    for (const [i, c] of lists.counties.entries()) {
      expect(byCountyScopes[i]!.headline.visits).toBe(report.byCounty.rows.find((r) => r.key === c.id)?.values[0] ?? 0);
    }
  });

  it("reproduces seed 000's county table, whose parts add up to 7,101 and not the 7,100 the report stated", () => {
    t = createTempCore();
    const adminToken = t.setupAdmin();
    const admin: Call = t.as(adminToken);
    const lists = must(admin('lists.all', {}));
    const calls: Record<string, number> = { گرمسار: 674, آرادان: 221, سرخه: 310, سمنان: 1046, مهدیشهر: 340, دامغان: 1050, شاهرود: 3060, میامی: 400 };
    const meetingId = must(
      admin('meetings.create', { kind: 'phone_outreach', title: 'تماس تلفنی با مددجویان', date: '2026-04-08', place: 'اداره کل', presiding: '' }),
    ).id;
    const adminId = (t.core.db.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: string }).id;
    const now = '2026-04-08T06:00:00.000Z';
    const insertClient = t.core.db.prepare(
      `INSERT INTO clients (id, national_id, first_name, last_name, sex, county_id, search_text, created_by, created_at, updated_at)
       VALUES (?, ?, 'مددجو', ?, 'female', ?, 'مددجو', ?, ?, ?)`,
    );
    const insertVisit = t.core.db.prepare(
      `INSERT INTO visits (id, meeting_id, client_id, ticket, sort_key, status, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)`,
    );
    let n = 0;
    t.core.db.transaction(() => {
      for (const [county, callsMade] of Object.entries(calls)) {
        const countyId = lists.counties.find((c) => c.name === county)!.id;
        for (let i = 0; i < callsMade; i++) {
          n += 1;
          const clientId = newId();
          insertClient.run(clientId, withCheckDigit(String(200_000_000 + n).slice(-9)), `شماره ${n}`, countyId, adminId, now, now);
          insertVisit.run(newId(), meetingId, clientId, n, n, adminId, now);
        }
      }
    })();

    const report = must(admin('reports.build', { meetingId }));
    for (const [county, callsMade] of Object.entries(calls)) {
      expect(report.byCounty.rows.find((r) => r.label === county)!.values[0]).toBe(callsMade);
    }
    expect(report.byCounty.totals[0]).toBe(7101);
    expect(report.headline.visits).toBe(7101);
    const check = checkStatedTotal(
      report.byCounty.rows.map((r) => r.values[0]!),
      7100,
    );
    expect(check).toEqual({ sum: 7101, stated: 7100, difference: 1, addsUp: false });
  });
});
