import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DidarEvent, Input } from '../core/contract';
import { waitFor } from '../core/testing/waitFor';
import { ADMIN_PASSWORD, createOpenMeeting, createTempCore, firstCategoryId, logIn, must, nationalIdFor, signInUser, steppingClock, type Call, type TempCore } from '../core/testing/tempCore';
import { SESSION_HOURS } from '../core/api/auth';
import { startStation, type Station } from './server';

/**
 * What each socket of the events channel hears, on a real station: staff hear every change; a
 * unit's or an agency's representative hears only the follow-up of what was sent to them (and
 * changes that name no record); a changed or signed-out representative is looked at again.
 */
type Fields = Input<'instructions.issue'>['fields'];

let t: TempCore;
let station: Station;
let admin: Call;
let adminToken: string;
let official: Call;
let unitA: string;
let unitB: string;
let agency: string;
let meetingId: string;
let seed = 9100;

interface Ear {
  events: DidarEvent[];
  close(): void;
}
const ears: Ear[] = [];

function listen(token: string, on: Station = station): Promise<Ear> {
  return new Promise((resolve, reject) => {
    const events: DidarEvent[] = [];
    const ws = new WebSocket(`${on.url.replace('http:', 'ws:')}api/events?token=${token}`);
    ws.on('message', (d: Buffer) => {
      const e = JSON.parse(d.toString()) as DidarEvent | { name: 'heartbeat' };
      if (e.name !== 'heartbeat') events.push(e);
    });
    ws.on('error', reject);
    ws.on('open', () => {
      const ear = { events, close: () => ws.close() };
      ears.push(ear);
      resolve(ear);
    });
  });
}

beforeAll(async () => {
  // Sessions are checked against the real clock at the WebSocket, so the test clock starts now.
  t = createTempCore(steppingClock(new Date().toISOString(), 1));
  adminToken = t.setupAdmin();
  admin = t.as(adminToken);
  official = t.as(t.signIn('official', 'official1'));
  const lists = must(admin('lists.all', {}));
  unitA = lists.units[0]!.id;
  unitB = lists.units[1]!.id;
  agency = lists.agencies[0]!.id;
  meetingId = createOpenMeeting(admin);
  station = await startStation({ core: t.core, rendererDir: mkdtempSync(join(tmpdir(), 'didar-no-renderer-')), host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const ear of ears) ear.close();
  await station.close();
  t.cleanup();
});

/** A visitor registered, called to the official's desk and given one instruction. */
function referral(fields: Fields) {
  seed += 1;
  must(
    admin('visits.register', {
      meetingId,
      newClient: { nationalId: nationalIdFor(seed), firstName: 'مددجو', lastName: `شماره ${seed}`, sex: 'female' },
      requests: [{ categoryId: firstCategoryId(admin), text: 'درخواست کمک' }],
    }),
  );
  const called = must(official('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
  return must(official('instructions.issue', { requestId: called.requests[0]!.id, fields }));
}
/** Ten days from now (the clock is the machine's here). */
const dueDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
const toUnit = (unitId: string): Fields => ({ kind: 'unit', text: 'بررسی و اقدام', unitId, dueDate });
const toAgency = (): Fields => ({ kind: 'agency', text: 'وصل انشعاب', agencyId: agency, dueDate });

/** Everything emitted so far has reached every open socket that should hear it: the staff socket heard the last one. */
async function settled(staff: Ear) {
  const last = t.events.at(-1)!;
  await waitFor(() => staff.events.some((e) => JSON.stringify(e) === JSON.stringify(last)));
  await new Promise((r) => setTimeout(r, 100));
}
const names = (ear: Ear) => [...new Set(ear.events.map((e) => e.name))].sort();
const instructionIds = (ear: Ear) => ear.events.filter((e) => e.name === 'instructions.changed').map((e) => (e.payload as { instructionId: string }).instructionId);

describe('who hears what on the events channel', () => {
  it('staff hear every change; a representative only the follow-up of what was sent to their unit or agency', async () => {
    const staff = await listen(adminToken);
    const repA = await listen(signInUser(t, adminToken, { username: 'rep.a', role: 'unit', unitId: unitA }));
    const repB = await listen(signInUser(t, adminToken, { username: 'rep.b', role: 'unit', unitId: unitB }));
    const repAgency = await listen(signInUser(t, adminToken, { username: 'rep.agency', role: 'agency', agencyId: agency }));

    const forA = referral(toUnit(unitA));
    const forAgency = referral(toAgency());
    must(admin('lists.save', { kind: 'categories', name: 'دسته تازه برای رویدادها' }));
    await settled(staff);

    expect(names(staff)).toEqual(expect.arrayContaining(['clients.changed', 'queue.changed', 'meetings.changed', 'instructions.changed', 'lists.changed']));
    expect(instructionIds(staff)).toEqual(expect.arrayContaining([forA.id, forAgency.id]));
    // Unit A's representative: its own instruction and the lists; no queue, no client, no meeting.
    expect(instructionIds(repA)).toEqual([forA.id]);
    expect(names(repA)).toEqual(['instructions.changed', 'lists.changed']);
    expect(instructionIds(repB)).toEqual([]);
    expect(names(repB)).toEqual(['lists.changed']);
    expect(instructionIds(repAgency)).toEqual([forAgency.id]);
    expect(names(repAgency)).toEqual(['instructions.changed', 'lists.changed']);

    // Sent elsewhere: unit A hears that it left its list, unit B that it arrived.
    const before = { a: repA.events.length, b: repB.events.length };
    must(official('instructions.amend', { id: forA.id, fields: toUnit(unitB), reason: 'واحد مسئول دیگری است' }));
    await settled(staff);
    expect(repA.events.slice(before.a)).toEqual([{ name: 'followups.changed', payload: { instructionId: forA.id, unitId: unitA, agencyId: null } }]);
    expect(repB.events.slice(before.b).map((e) => e.name)).toEqual(['instructions.changed']);
  });

  it('a representative moved to another unit hears that unit at once; one whose sessions were revoked hears nothing more', async () => {
    const staff = await listen(adminToken);
    const token = signInUser(t, adminToken, { username: 'rep.moving', role: 'unit', unitId: unitA });
    const rep = await listen(token);
    const repId = must(t.as(token)('auth.me', {})).userId;
    must(admin('users.update', { id: repId, displayName: 'نماینده', role: 'unit', unitId: unitB, agencyId: null }));
    const forB = referral(toUnit(unitB));
    const forA = referral(toUnit(unitA));
    await settled(staff);
    expect(instructionIds(rep)).toEqual([forB.id]);
    expect(instructionIds(rep)).not.toContain(forA.id);

    must(admin('users.revokeSessions', { id: repId }));
    const heard = rep.events.length;
    referral(toUnit(unitB));
    await settled(staff);
    expect(rep.events.slice(heard)).toEqual([]);
  });

  it('a session that ends by itself (its 12 hours) stops hearing within a heartbeat', async () => {
    const token = signInUser(t, adminToken, { username: 'rep.expiring', role: 'unit', unitId: unitA });
    const beat = await startStation({ core: t.core, rendererDir: mkdtempSync(join(tmpdir(), 'didar-no-renderer-')), host: '127.0.0.1', port: 0, heartbeatMs: 50 });
    try {
      const onBeat = await listen(token, beat);
      const staff = await listen(adminToken);
      const first = referral(toUnit(unitA));
      await settled(staff);
      expect(instructionIds(onBeat)).toEqual([first.id]);
      // Past the session's 12 hours: the admin's session is made anew, the representative's is not.
      t.clock.advance(SESSION_HOURS * 3_600_000 + 60_000);
      adminToken = must(t.as(null)('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
      admin = t.as(adminToken);
      official = t.as(logIn(t, 'official1'));
      const staffAgain = await listen(adminToken, beat);
      await new Promise((r) => setTimeout(r, 300)); // a few heartbeats
      const heard = onBeat.events.length;
      referral(toUnit(unitA));
      await settled(staffAgain);
      expect(onBeat.events.slice(heard)).toEqual([]);
    } finally {
      await beat.close();
    }
  });
});
