import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Instruction } from '../contract';
import { readSettings } from '../api/settingsStore';
import { MESSAGES } from '../api/messages';
import { toPersianDigits } from '../domain/digits';
import { groupTrackingCode } from '../domain/trackingCode';
import { countIn, createOpenMeeting, createTempCore, firstCategoryId, must, mustFail, nationalIdFor, type Call, type TempCore } from '../testing/tempCore';
import { gatewayFromSettings, HttpSmsGateway } from './gateway';
import { MAX_ATTEMPTS, sendPending } from './sender';

type Fields = Input<'instructions.issue'>['fields'];

const DIRECTORATE = 'اداره کل بهزیستی استان سمنان';
const SENT_AT = new Date('2026-04-01T06:00:00.000Z');
const PERSIAN_CODE = /[۰-۹]{3}-[۰-۹]{3}-[۰-۹]{3}/;

// ---- a short-message gateway on loopback -----------------------------------------------------------

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

interface LocalGateway {
  url: string;
  received: Received[];
  /** The status the gateway answers with. */
  status: number;
  close(): Promise<void>;
}

async function startGateway(status = 200): Promise<LocalGateway> {
  const received: Received[] = [];
  const gw = { received, status } as LocalGateway;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(gw.status, { 'content-type': 'application/json' });
      res.end(gw.status < 300 ? '{"ok":true}' : '{"error":"down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  gw.url = `http://127.0.0.1:${port}/sms/send`;
  gw.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return gw;
}

// ---- a core with a meeting --------------------------------------------------------------------------

const opened: { core: TempCore; gateways: LocalGateway[] }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    for (const g of o.gateways) await g.close();
    o.core.cleanup();
  }
});

function fresh() {
  const t = createTempCore();
  const adminToken = t.setupAdmin();
  const admin = t.as(adminToken);
  const gateways: LocalGateway[] = [];
  opened.push({ core: t, gateways });
  const categoryId = firstCategoryId(admin);
  const unitId = must(admin('lists.all', {})).units[0]!.id;
  const meetingId = createOpenMeeting(admin);
  let seed = 7100;

  /** Registers a client (with or without a mobile), calls them and issues one instruction. */
  function issueFor(mobile: string, fields: Fields = { kind: 'unit', text: 'بررسی', unitId, dueDate: '2026-04-10' }): Instruction {
    seed += 1;
    const ticket = must(
      admin('visits.register', {
        meetingId,
        newClient: { nationalId: nationalIdFor(seed), firstName: 'سارا', lastName: `پیامکی ${seed}`, sex: 'female', mobile },
        requests: [{ categoryId, text: 'درخواست' }],
      }),
    );
    const called = must(admin('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
    expect(called.visitId).toBe(ticket.visitId);
    return must(admin('instructions.issue', { requestId: called.requests[0]!.id, fields }));
  }

  async function gateway(status = 200, settings: { token?: string; sender?: string } = {}): Promise<LocalGateway> {
    const g = await startGateway(status);
    gateways.push(g);
    must(admin('settings.save', { smsGateway: { url: g.url, token: settings.token ?? 'secret-token', sender: settings.sender ?? 'Behzisti' } }));
    return g;
  }

  const rows = () =>
    t.core.db.prepare('SELECT id, kind, mobile, text, status, attempts, last_error, sent_at, instruction_id FROM outbox ORDER BY created_at, rowid').all() as {
      id: string;
      kind: string;
      mobile: string;
      text: string;
      status: string;
      attempts: number;
      last_error: string;
      sent_at: string | null;
      instruction_id: string;
    }[];

  return { t, admin, adminToken, issueFor, gateway, rows, unitId };
}

const issuedText = (i: Instruction) => `${DIRECTORATE}: درخواست شما ثبت و دستور لازم صادر شد. کد رهگیری: ${toPersianDigits(groupTrackingCode(i.trackingCode))}`;

// ---- what goes into the outbox ------------------------------------------------------------------------

describe('the outbox', () => {
  it('takes one pending "issued" message with the Persian tracking code for a client with a mobile, none without', () => {
    const { t, admin, issueFor, rows } = fresh();
    const withMobile = issueFor('۰۹۱۲ ۱۲۳ ۴۵۶۷');
    expect(rows()).toEqual([
      { id: expect.any(String), kind: 'issued', mobile: '09121234567', text: issuedText(withMobile), status: 'pending', attempts: 0, last_error: '', sent_at: null, instruction_id: withMobile.id },
    ]);
    expect(rows()[0]!.text).toMatch(PERSIAN_CODE);
    expect(rows()[0]!.text).not.toMatch(/[0-9]/);

    issueFor('');
    expect(rows()).toHaveLength(1);

    // an answer given on the spot is closed at issue: told once, as issued
    const answered = issueFor('09351112233', { kind: 'answered', text: 'پاسخ', answer: 'معرفی به کارگاه' });
    expect(rows().map((r) => [r.kind, r.instruction_id])).toEqual([
      ['issued', withMobile.id],
      ['issued', answered.id],
    ]);

    // a refused issue writes nothing to the outbox either
    const before = countIn(t.core, 'outbox');
    expect(mustFail(admin('instructions.issue', { requestId: 'no-such-request', fields: { kind: 'answered', text: 'x', answer: 'y' } })).code).toBe('not_found');
    expect(countIn(t.core, 'outbox')).toBe(before);

    const list = must(admin('outbox.list', {}));
    expect(list.gatewayConfigured).toBe(false);
    expect(list.rows.map((r) => [r.kind, r.mobile, r.status, r.attempts])).toEqual([
      ['issued', '09351112233', 'pending', 0],
      ['issued', '09121234567', 'pending', 0],
    ]);
    expect(list.rows[1]).toMatchObject({ clientName: expect.stringMatching(/^سارا پیامکی \d+$/), text: issuedText(withMobile), lastError: '', sentAt: null });
  });

  it('takes a "closed" message when follow-up records the result', () => {
    const { admin, issueFor, rows } = fresh();
    const issued = issueFor('09121234567');
    const noMobile = issueFor('');
    must(admin('followups.close', { instructionId: issued.id, outcome: 'done' }));
    must(admin('followups.close', { instructionId: noMobile.id, outcome: 'partly_done' }));
    const code = toPersianDigits(groupTrackingCode(issued.trackingCode));
    expect(rows().map((r) => [r.kind, r.instruction_id, r.status, r.text])).toEqual([
      ['issued', issued.id, 'pending', issuedText(issued)],
      ['closed', issued.id, 'pending', `${DIRECTORATE}: درخواست شما با کد رهگیری ${code} انجام شد.`],
    ]);
    // a refused close adds nothing
    expect(mustFail(admin('followups.close', { instructionId: issued.id, outcome: 'done' })).code).toBe('conflict');
    expect(rows()).toHaveLength(2);
    expect(must(admin('outbox.list', { status: 'pending' })).rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['issued', 'closed']));
    expect(must(admin('outbox.list', { status: 'sent' })).rows).toEqual([]);
  });
});

// ---- sending ---------------------------------------------------------------------------------------------

describe('sendPending', () => {
  it('never sends without a gateway: rows stay pending and the report says there is none', async () => {
    const { t, issueFor, rows, admin } = fresh();
    issueFor('09121234567');
    issueFor('09121234568');
    // a gateway is listening, but the settings name none
    const listening = await startGateway(200);
    opened.at(-1)!.gateways.push(listening);
    expect(readSettings(t.core.db).smsGateway.url).toBe('');
    expect(gatewayFromSettings(readSettings(t.core.db))).toBeNull();

    const before = rows();
    const report = await sendPending(t.core.db, null, () => SENT_AT);
    expect(report).toEqual({ gateway: false, sent: 0, failed: 0, pending: 2 });
    expect(rows()).toEqual(before);
    expect(before.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect(listening.received).toEqual([]);

    // a token or sender without a URL is still no gateway
    must(admin('settings.save', { smsGateway: { url: '', token: 'secret', sender: 'Behzisti' } }));
    expect(gatewayFromSettings(readSettings(t.core.db))).toBeNull();
    expect(must(admin('outbox.list', {})).gatewayConfigured).toBe(false);
    expect(await sendPending(t.core.db, gatewayFromSettings(readSettings(t.core.db)))).toEqual({ gateway: false, sent: 0, failed: 0, pending: 2 });
    expect(listening.received).toEqual([]);

    // the URL must be http(s)
    expect(mustFail(admin('settings.save', { smsGateway: { url: 'ftp://127.0.0.1/sms', token: '', sender: '' } }))).toEqual({
      code: 'invalid_input',
      message: MESSAGES['gateway.url'],
      field: 'smsGateway.url',
    });
  });

  it('posts {to, text, sender} as JSON with the bearer token to a gateway answering 200, and marks the rows sent', async () => {
    const { t, issueFor, rows, gateway, admin } = fresh();
    const first = issueFor('09121234567');
    const second = issueFor('09131234567');
    const g = await gateway(200);
    expect(must(admin('outbox.list', {})).gatewayConfigured).toBe(true);
    const sms = gatewayFromSettings(readSettings(t.core.db));
    expect(sms).toBeInstanceOf(HttpSmsGateway);

    const report = await sendPending(t.core.db, sms, () => SENT_AT);
    expect(report).toEqual({ gateway: true, sent: 2, failed: 0, pending: 0 });
    expect(g.received).toHaveLength(2);
    for (const r of g.received) {
      expect(r.method).toBe('POST');
      expect(r.url).toBe('/sms/send');
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers.authorization).toBe('Bearer secret-token');
    }
    // oldest first
    expect(g.received.map((r) => r.body)).toEqual([
      { to: '09121234567', text: issuedText(first), sender: 'Behzisti' },
      { to: '09131234567', text: issuedText(second), sender: 'Behzisti' },
    ]);
    expect(rows().map((r) => [r.status, r.attempts, r.sent_at, r.last_error])).toEqual([
      ['sent', 1, SENT_AT.toISOString(), ''],
      ['sent', 1, SENT_AT.toISOString(), ''],
    ]);
    expect(must(admin('outbox.list', { status: 'sent' })).rows.map((r) => r.sentAt)).toEqual([SENT_AT.toISOString(), SENT_AT.toISOString()]);

    // nothing left: another round sends nothing
    expect(await sendPending(t.core.db, sms, () => SENT_AT)).toEqual({ gateway: true, sent: 0, failed: 0, pending: 0 });
    expect(g.received).toHaveLength(2);

    // without a token, no authorization header is sent
    must(admin('settings.save', { smsGateway: { url: g.url, token: '', sender: 'Behzisti' } }));
    issueFor('09141234567');
    await sendPending(t.core.db, gatewayFromSettings(readSettings(t.core.db)), () => SENT_AT);
    expect(g.received).toHaveLength(3);
    expect(g.received[2]!.headers.authorization).toBeUndefined();
  });

  it('keeps rows pending with the attempts and the error while the gateway answers 500, then gives up after MAX_ATTEMPTS', async () => {
    const { t, issueFor, rows, gateway, admin } = fresh();
    issueFor('09121234567');
    const g = await gateway(500);
    const sms = gatewayFromSettings(readSettings(t.core.db));
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await sendPending(t.core.db, sms, () => SENT_AT)).toEqual({ gateway: true, sent: 0, failed: 0, pending: 1 });
      expect(rows()[0]).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'gateway answered 500', sent_at: null });
    }
    expect(await sendPending(t.core.db, sms, () => SENT_AT)).toEqual({ gateway: true, sent: 0, failed: 1, pending: 0 });
    expect(rows()[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'gateway answered 500', sent_at: null });
    expect(g.received).toHaveLength(MAX_ATTEMPTS);
    expect(must(admin('outbox.list', { status: 'failed' })).rows.map((r) => [r.attempts, r.lastError])).toEqual([[MAX_ATTEMPTS, 'gateway answered 500']]);

    // a failed message is not tried again, even once the gateway works
    g.status = 200;
    expect(await sendPending(t.core.db, sms, () => SENT_AT)).toEqual({ gateway: true, sent: 0, failed: 0, pending: 0 });
    expect(g.received).toHaveLength(MAX_ATTEMPTS);
    // a new message goes through
    issueFor('09121234599');
    expect(await sendPending(t.core.db, sms, () => SENT_AT)).toEqual({ gateway: true, sent: 1, failed: 0, pending: 0 });
    expect(rows().map((r) => r.status)).toEqual(['failed', 'sent']);
  });

  it('keeps a row pending with the reason when the gateway cannot be reached', async () => {
    const { t, issueFor, rows } = fresh();
    issueFor('09121234567');
    const gone = await startGateway(200);
    await gone.close(); // nothing listens on this loopback port now
    const sms = gatewayFromSettings({ ...readSettings(t.core.db), smsGateway: { url: gone.url, token: 't', sender: 's' } });
    expect(await sendPending(t.core.db, sms, () => SENT_AT)).toEqual({ gateway: true, sent: 0, failed: 0, pending: 1 });
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(rows()[0]!.last_error.length).toBeGreaterThan(0);
  });

  it('only the admin and the follow-up desk read the outbox', () => {
    const { t } = fresh();
    for (const role of ['operator', 'official', 'display'] as const) {
      const call: Call = t.as(t.signIn(role, `${role}.x`));
      expect(mustFail(call('outbox.list', {})).code).toBe('forbidden');
    }
    expect(must(t.as(t.signIn('followup', 'followup.x'))('outbox.list', {})).gatewayConfigured).toBe(false);
  });
});
