/**
 * A province's years of service-desk meetings, generated into a Didar database for the
 * benchmark (`npm run bench`) and for measuring reports at scale. Seeded and reproducible:
 * the same options give the same rows, ids included.
 *
 *   npx tsx scripts/province/generate.ts --out /tmp/province.db [--clients 1000000]
 *     [--visits 3000000] [--requests 5000000] [--years 5] [--end 2026-11-20] [--seed 1404]
 *
 * The database is made by the program itself (migrations, seeded lists, users through
 * dispatch); the bulk rows are written directly, with the triggers set aside and the full-text
 * index and the report's counters rebuilt at the end, exactly as the program would have them.
 * What it leaves out: the audit log, the call history of the queue, print logs and sessions of
 * the past (none of them is read by search, the desk's history or reports).
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { typedCall } from '../../electron/core/api/dispatch';
import { FUNDERS } from '../../electron/core/contract';
import { CIRCUMSTANCES, type InstructionKind } from '../../electron/core/contract/types';
import { normalizeForSearch } from '../../electron/core/domain/normalize';
import { isValidNationalId, withCheckDigit } from '../../electron/core/domain/nationalId';
import { verhoeffDigit } from '../../electron/core/domain/trackingCode';
import { createCore } from '../../electron/core';
import { rebuildReportCounts } from '../../electron/core/reports/counts';
import { FEMALE_NAMES, INSTRUCTION_TEXTS, LAST_NAMES, MALE_NAMES, REQUEST_TEXTS, asTyped } from './names';

export interface ProvinceOptions {
  out: string;
  clients: number;
  visits: number;
  requests: number;
  years: number;
  /** The last day of the generated years (YYYY-MM-DD). */
  end: string;
  seed: number;
  log?: (line: string) => void;
}

export const PROVINCE_PASSWORD = 'province-bench-password-1';

/** sfc32: a small, fast, seeded generator (0 ≤ x < 1). */
function seeded(seed: number) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed | 0;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

const DAY = 86_400_000;
const TEHRAN = 210 * 60_000;
/** The instant of a Tehran wall-clock time on a date. */
const at = (date: string, minutes: number) => new Date(Date.parse(`${date}T00:00:00Z`) - TEHRAN + minutes * 60_000);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Counties with their share of the province's clients (roughly by population). */
const COUNTY_WEIGHTS: Record<string, number> = { شاهرود: 30, سمنان: 26, دامغان: 11, گرمسار: 10, مهدیشهر: 7, سرخه: 5, میامی: 6, آرادان: 5 };
const KIND_WEIGHTS: [InstructionKind, number][] = [['answered', 28], ['unit', 30], ['agency', 22], ['not_possible', 8], ['review', 12]];

function weighted<T>(items: readonly [T, number][], random: () => number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items.at(-1)![0];
}

interface PlannedMeeting {
  kind: 'weekly_public' | 'field_desk' | 'province_day' | 'phone_outreach';
  date: string;
  countyIndex: number | null;
  title: string;
  place: string;
  weight: number;
}

export function generateProvince(options: ProvinceOptions): { meetings: number; seconds: number } {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const random = seeded(options.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const randomBytes = () => {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const x = Math.floor(random() * 4294967296);
      bytes[i] = x & 255;
      bytes[i + 1] = (x >>> 8) & 255;
      bytes[i + 2] = (x >>> 16) & 255;
      bytes[i + 3] = x >>> 24;
    }
    return bytes;
  };
  const idAt = (ms: number) => uuidv7({ msecs: ms, random: randomBytes() });

  if (existsSync(options.out)) rmSync(options.out);
  for (const suffix of ['-wal', '-shm']) if (existsSync(options.out + suffix)) rmSync(options.out + suffix);
  const start = addDays(options.end, -Math.round(options.years * 365.25) + 1);
  const setupClock = at(start, 7 * 60);
  const core = createCore({ file: options.out, now: () => setupClock });
  const db = core.db;

  // People: an admin, presiding officials, desk operators and follow-up officers, through dispatch.
  const setup = typedCall(core.dispatch, null)('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PROVINCE_PASSWORD });
  if (!setup.ok) throw new Error(setup.error.message);
  const call = typedCall(core.dispatch, setup.value.token);
  const makeUser = (username: string, displayName: string, role: 'official' | 'operator' | 'followup') => {
    const made = call('users.create', { username, displayName, role, password: PROVINCE_PASSWORD, unitId: null, agencyId: null });
    if (!made.ok) throw new Error(made.error.message);
    return made.value.userId;
  };
  const officials = ['مدیرکل', 'معاون امور اجتماعی', 'معاون توانبخشی', 'رئیس اداره شهرستان', 'معاون پیشگیری'].map((name, i) => makeUser(`official${i + 1}`, name, 'official'));
  const operators = Array.from({ length: 12 }, (_, i) => makeUser(`operator${i + 1}`, `کاربر پذیرش ${i + 1}`, 'operator'));
  const followers = Array.from({ length: 6 }, (_, i) => makeUser(`followup${i + 1}`, `کارشناس پیگیری ${i + 1}`, 'followup'));
  const lists = call('lists.all', {});
  if (!lists.ok) throw new Error(lists.error.message);
  const counties = lists.value.counties;
  const countyWeights = counties.map((c, k) => [k, COUNTY_WEIGHTS[c.name] ?? 5] as [number, number]);
  const categories = lists.value.categories;
  const units = lists.value.units;
  const agencies = lists.value.agencies;
  const reasons = lists.value.outcomeReasons;
  const adminId = setup.value.user.userId;

  // Bulk load: set the triggers aside (the full-text index and the counters are rebuilt at the end).
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  db.pragma('synchronous = OFF');
  // The rows are made consistent by construction; checking every reference would double the time.
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');

  // Clients, by county.
  const clientIds: string[] = new Array(options.clients);
  const clientsOfCounty: number[][] = counties.map(() => []);
  const insertClient = db.prepare(
    `INSERT INTO clients (id, national_id, first_name, last_name, father_name, birth_date, sex, mobile, address, county_id, file_number, circumstances, search_text, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const createdAt = setupClock.toISOString();
  const startMs = setupClock.getTime();
  db.transaction(() => {
    for (let i = 0; i < options.clients; i++) {
      const county = weighted(countyWeights, random);
      const sex = random() < 0.55 ? 'female' : 'male';
      const first = asTyped(pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES), random);
      const last = asTyped(pick(LAST_NAMES), random);
      const father = asTyped(pick(MALE_NAMES), random);
      // Nine digits from a permutation of the index, so every national ID is different.
      let nationalId = withCheckDigit(String(((i + 1) * 7_654_321) % 1_000_000_000).padStart(9, '0'));
      if (!isValidNationalId(nationalId)) nationalId = withCheckDigit(String(((i + 1) * 7_654_321 + 500_000_000) % 1_000_000_000).padStart(9, '0'));
      const circumstances = CIRCUMSTANCES.filter((c) => random() < (c === 'low_income' ? 0.35 : c === 'disability' ? 0.3 : 0.12));
      const fileNumber = random() < 0.6 ? String(10000 + Math.floor(random() * 890000)) : '';
      const id = idAt(startMs + i);
      clientIds[i] = id;
      clientsOfCounty[county]!.push(i);
      insertClient.run(
        id, nationalId, first, last, father,
        `${1940 + Math.floor(random() * 70)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        sex, random() < 0.8 ? `09${String(100000000 + Math.floor(random() * 899999999))}` : '',
        `${counties[county]!.name}، خیابان ${pick(LAST_NAMES)}، کوچه ${1 + Math.floor(random() * 30)}`,
        counties[county]!.id, fileNumber, JSON.stringify(circumstances),
        normalizeForSearch([first, last, father, fileNumber].join(' ')), adminId, createdAt, createdAt,
      );
      if ((i + 1) % 200_000 === 0) log(`  clients ${(i + 1).toLocaleString('en')}`);
    }
  })();
  log(`clients: ${options.clients.toLocaleString('en')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // Meetings of every kind over the years: the directorate's weekly public meeting, each
  // county's meeting every other week, a monthly field desk, two province-wide desk days a
  // year (a desk in every county and two at governorates) and a phone outreach campaign.
  const plan: PlannedMeeting[] = [];
  const semnan = Math.max(0, counties.findIndex((c) => c.name === 'سمنان'));
  for (let date = start, week = 0; date <= options.end; date = addDays(date, 7), week++) {
    plan.push({ kind: 'weekly_public', date: addDays(date, 1), countyIndex: semnan, title: 'ملاقات عمومی مدیرکل با مددجویان', place: 'سالن اجتماعات اداره کل', weight: 3 });
    counties.forEach((c, k) => {
      if ((week + k) % 2 === 0) plan.push({ kind: 'weekly_public', date: addDays(date, 2 + (k % 3)), countyIndex: k, title: `ملاقات مردمی بهزیستی ${c.name}`, place: `اداره بهزیستی شهرستان ${c.name}`, weight: 1 });
    });
    if (week % 4 === 2) {
      const k = Math.floor(random() * counties.length);
      plan.push({ kind: 'field_desk', date: addDays(date, 3), countyIndex: k, title: `میز خدمت سیار در ${counties[k]!.name}`, place: `مسجد جامع ${counties[k]!.name}`, weight: 2 });
    }
    if (week % 26 === 10) {
      counties.forEach((c, k) =>
        plan.push({ kind: 'province_day', date: addDays(date, 4), countyIndex: k, title: `میز خدمت استانی در ${c.name}`, place: `اداره بهزیستی شهرستان ${c.name}`, weight: 2 }),
      );
      for (const g of ['فرمانداری شاهرود', 'فرمانداری گرمسار']) plan.push({ kind: 'province_day', date: addDays(date, 4), countyIndex: null, title: `میز خدمت مدیرکل در ${g}`, place: g, weight: 3 });
    }
    if (week % 52 === 30) plan.push({ kind: 'phone_outreach', date: addDays(date, 5), countyIndex: null, title: 'تماس تلفنی با مددجویان', place: 'اداره کل', weight: 12 });
  }
  const plannedMeetings = plan.filter((m) => m.date <= options.end).sort((a, b) => a.date.localeCompare(b.date));
  const totalWeight = plannedMeetings.reduce((s, m) => s + m.weight, 0);

  const insertMeeting = db.prepare(
    `INSERT INTO meetings (id, kind, title, date, place, county_id, presiding, status, next_ticket, created_by, created_at, opened_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVisit = db.prepare(
    `INSERT INTO visits (id, meeting_id, client_id, ticket, priority, priority_reason, status, desk, called_by, registered_by, registered_at, called_at, call_seq,
       finished_at, started_at, sort_key, call_count, left_at, first_called_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRequest = db.prepare('INSERT INTO requests (id, visit_id, position, category_id, text, urgency, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertInstruction = db.prepare(
    `INSERT INTO instructions (id, request_id, visit_id, client_id, tracking_code, kind, text, answer, reason, reviewer, unit_id, agency_id, due_date, amount_rials, funder,
       status, issued_by, issued_at, outcome, outcome_reason_id, delivered_rials, delivered_funder, closed_at, closed_by, last_step_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = db.prepare('INSERT INTO follow_ups (id, instruction_id, kind, text, by_user, at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');

  const endMs = at(options.end, 17 * 60).getTime();
  const requestsPerVisit = options.requests / options.visits;
  let visitsLeft = options.visits;
  let requestsLeft = options.requests;
  let weightLeft = totalWeight;
  let code = 0;
  let steps = 0;
  let lastLog = Date.now();
  let sinceCommit = 0;
  for (const [m, meeting] of plannedMeetings.entries()) {
    const visitCount = m === plannedMeetings.length - 1 ? visitsLeft : Math.round((visitsLeft * meeting.weight) / weightLeft);
    visitsLeft -= visitCount;
    weightLeft -= meeting.weight;
    const meetingId = idAt(at(meeting.date, 7 * 60).getTime());
    const presiding = pick(officials);
    const operator = pick(operators);
    const desks = meeting.kind === 'phone_outreach' ? ['تلفن ۱', 'تلفن ۲', 'تلفن ۳'] : ['میز ۱', 'میز ۲', 'میز ۳'].slice(0, 1 + Math.floor(random() * 3));
    const open = at(meeting.date, 8 * 60).getTime();
    const span = (meeting.kind === 'phone_outreach' ? 8 : 6) * 60 * 60_000;
    // Many meetings per transaction: a commit per meeting would cost more than the rows.
    if (!db.inTransaction) db.exec('BEGIN');
    (() => {
      insertMeeting.run(
        meetingId, meeting.kind, meeting.title, meeting.date, meeting.place, meeting.countyIndex === null ? null : counties[meeting.countyIndex]!.id,
        'مدیرکل', 'closed', visitCount + 1, adminId, new Date(open - 3_600_000).toISOString(), new Date(open).toISOString(), new Date(open + span + 3_600_000).toISOString(),
      );
      const seen = new Set<number>();
      const pool = meeting.countyIndex === null ? null : clientsOfCounty[meeting.countyIndex]!;
      let callSeq = 0;
      for (let v = 0; v < visitCount; v++) {
        // A client of the meeting's county (a few from elsewhere), never twice in one meeting.
        let client: number;
        do {
          client = pool && pool.length > 0 && random() < 0.95 ? pool[Math.floor(random() * pool.length)]! : Math.floor(random() * options.clients);
        } while (seen.has(client) && seen.size < options.clients);
        seen.add(client);
        const registered = open + Math.floor((v / visitCount) * span * 0.7);
        const roll = random();
        const status = roll < 0.04 ? 'no_show' : roll < 0.05 ? 'cancelled' : 'done';
        const called = status === 'cancelled' ? null : registered + Math.floor((3 + random() * 60) * 60_000);
        const begun = status === 'done' && called ? called + 30_000 : null;
        const finished = begun ? begun + Math.floor((2 + random() * random() * 30) * 60_000) : null;
        const visitId = idAt(registered);
        const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
        const priority = random() < 0.08 ? pick(['urgent', 'disability', 'elderly'] as const) : 'none';
        if (called) callSeq += 1;
        insertVisit.run(
          visitId, meetingId, clientIds[client], v + 1, priority, priority === 'none' ? '' : 'اولویت طبق ضوابط',
          status, called ? pick(desks) : null, called ? presiding : null, operator, iso(registered), iso(called), called ? callSeq : null,
          iso(finished), iso(begun), v + 1, called ? 1 : 0, status === 'done' ? null : iso(called ?? registered + 600_000), iso(called),
        );
        // Requests: on average the asked-for number per visit, one to four.
        const want = Math.max(1, Math.min(4, Math.round(requestsPerVisit - 0.5 + random())));
        const count = Math.min(want, Math.max(1, requestsLeft - (visitsLeft + visitCount - v - 1)));
        requestsLeft -= count;
        for (let r = 0; r < count; r++) {
          const category = pick(categories);
          const requestId = idAt(registered + r);
          insertRequest.run(requestId, visitId, r + 1, category.id, pick(REQUEST_TEXTS[category.name] ?? REQUEST_TEXTS['سایر']!), random() < 0.1 ? 'urgent' : 'normal', operator, iso(registered));
          if (status !== 'done' || !begun) continue;
          // Every request of a finished visit has an instruction; referrals are followed up to a result.
          const kind = weighted(KIND_WEIGHTS, random);
          const issued = begun + 60_000 + r * 30_000;
          const dueDays = { answered: 0, unit: 14, agency: 30, not_possible: 0, review: 7 }[kind];
          const due = dueDays ? addDays(meeting.date, dueDays) : null;
          const amount = random() < 0.3 ? (5 + Math.floor(random() * 500)) * 1_000_000 : null;
          const atDesk = kind === 'answered' || kind === 'not_possible';
          const daysToResult = Math.floor(1 + random() * random() * 90 + (random() < 0.2 ? dueDays : 0));
          const closes = atDesk ? issued : random() < 0.9 ? issued + daysToResult * DAY : null;
          const closed = closes !== null && closes <= endMs ? closes : null;
          const outcome = closed && !atDesk ? weighted([['done', 60], ['partly_done', 20], ['not_possible', 20]] as const, random) : null;
          const body = String(((code++ + 1) * 48_271) % 100_000_000).padStart(8, '0');
          const instructionId = idAt(issued);
          const follower = pick(followers);
          const delivered = outcome && outcome !== 'not_possible' && amount ? Math.round((amount * (outcome === 'done' ? 1 : 0.5)) / 10) * 10 : null;
          // Steps between issue and result (none for what was settled at the desk), then the result.
          const stepTimes: number[] = [];
          const stepCount = atDesk ? 0 : Math.floor(random() * 3);
          for (let s = 0; s < stepCount; s++) {
            const stepAt = issued + Math.floor(((s + 1) / (stepCount + 1)) * ((closed ?? Math.min(endMs, issued + 20 * DAY)) - issued));
            if (stepAt <= endMs) stepTimes.push(stepAt);
          }
          const lastStep = outcome && closed ? closed : (stepTimes.at(-1) ?? issued);
          insertInstruction.run(
            instructionId, requestId, visitId, clientIds[client], body + String(verhoeffDigit(body)), kind, pick(INSTRUCTION_TEXTS[kind]!),
            kind === 'answered' ? 'پاسخ داده شد' : '', kind === 'not_possible' ? 'خارج از ضوابط' : '', kind === 'review' ? 'معاون امور اجتماعی' : '',
            kind === 'unit' ? pick(units).id : null, kind === 'agency' ? pick(agencies).id : null, due,
            amount, amount ? pick(FUNDERS.slice(0, 4)) : null, closed ? 'closed' : 'open', presiding, iso(issued),
            outcome, outcome === 'not_possible' ? pick(reasons).id : null, delivered, delivered ? pick(FUNDERS.slice(0, 4)) : null,
            iso(closed), closed ? (atDesk ? presiding : follower) : null, iso(lastStep),
          );
          for (const stepAt of stepTimes) {
            insertStep.run(idAt(stepAt), instructionId, pick(['call', 'letter', 'visit', 'note'] as const), 'پیگیری انجام شد', follower, iso(stepAt), iso(stepAt));
            steps++;
          }
          if (outcome && closed) {
            insertStep.run(idAt(closed), instructionId, 'result', outcome === 'not_possible' ? 'انجام نشد' : 'انجام شد', follower, iso(closed), iso(closed));
            steps++;
          }
        }
      }
    })();
    sinceCommit += visitCount;
    if (sinceCommit > 50_000) {
      db.exec('COMMIT');
      sinceCommit = 0;
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  meetings ${m + 1}/${plannedMeetings.length}, visits ${(options.visits - visitsLeft).toLocaleString('en')}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  if (db.inTransaction) db.exec('COMMIT');
  log(`visits: ${options.visits.toLocaleString('en')}, requests: ${(options.requests - requestsLeft).toLocaleString('en')}, follow-up steps: ${steps.toLocaleString('en')}, in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // The full-text index, the report's counters, and the triggers back as the program made them.
  db.exec("INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')");
  log(`full-text index rebuilt, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  rebuildReportCounts(db, (done, total) => {
    if (done % 500 === 0) log(`  counters: meetings ${done}/${total}`);
  });
  for (const t of triggers) db.exec(t.sql);
  log(`report counters rebuilt, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // No ANALYZE: the program never runs it, so its databases carry no statistics, and a generated
  // one must not either. With them (better-sqlite3 builds SQLite with STAT4) SQLite prepares a
  // statement again whenever a bound value might change its plan: the intake recompiled its
  // triggers on every call and took twice as long as on a database the program made (issue 9).
  db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  const seconds = (Date.now() - started) / 1000;
  log(`done: ${plannedMeetings.length.toLocaleString('en')} meetings from ${start} to ${options.end}, in ${seconds.toFixed(0)} s`);
  return { meetings: plannedMeetings.length, seconds };
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'bench/province.db' },
      clients: { type: 'string', default: '1000000' },
      visits: { type: 'string', default: '3000000' },
      requests: { type: 'string', default: '5000000' },
      years: { type: 'string', default: '5' },
      end: { type: 'string', default: '2026-11-20' },
      seed: { type: 'string', default: '1404' },
    },
  });
  generateProvince({
    out: values.out,
    clients: Number(values.clients),
    visits: Number(values.visits),
    requests: Number(values.requests),
    years: Number(values.years),
    end: values.end,
    seed: Number(values.seed),
  });
}
