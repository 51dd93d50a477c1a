import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toPersianDigits } from '../domain/digits';
import { withCheckDigit } from '../domain/nationalId';
import { countRows, createTempCore, must, mustFail, nationalIdFor, type Call, type TempCore } from '../testing/tempCore';
import { MESSAGES } from './messages';

const ZWNJ = '\u200C';
const ALI_ID = withCheckDigit('001234567'); // 0012345679
const MARYAM_ID = withCheckDigit('012345678');
const toArabicIndic = (latin: string) => latin.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0660 + Number(d)));

describe('clients.create', () => {
  let t: TempCore;
  let op: Call;
  beforeEach(() => {
    t = createTempCore();
    t.setupAdmin();
    op = t.as(t.signIn('operator', 'operator1'));
  });
  afterEach(() => t.cleanup());

  it('stores a national ID typed in Persian or Arabic-Indic digits as Latin digits', () => {
    const persian = must(op('clients.create', { nationalId: '۰۰۱۲۳۴۵۶۷۹', firstName: 'علی', lastName: 'کاظمی', sex: 'male' }));
    expect(persian.nationalId).toBe('0012345679');
    const otherId = nationalIdFor(1);
    const arabicIndic = must(op('clients.create', { nationalId: toArabicIndic(otherId), firstName: 'مریم', lastName: 'رضایی', sex: 'female' }));
    expect(toArabicIndic(otherId)).toMatch(/^[\u0660-\u0669]{10}$/);
    expect(arabicIndic.nationalId).toBe(otherId);
    const stored = t.core.db.prepare('SELECT national_id FROM clients WHERE id IN (?, ?)').all(persian.id, arabicIndic.id) as { national_id: string }[];
    expect(stored.map((r) => r.national_id).sort()).toEqual(['0012345679', otherId].sort());
    expect(must(op('clients.byNationalId', { nationalId: '٠٠١٢٣٤٥٦٧٩' }))?.id).toBe(persian.id);
    expect(must(op('clients.byNationalId', { nationalId: nationalIdFor(2) }))).toBeNull();
  });

  it('cleans names, fills defaults, folds the mobile number and records an audit entry', () => {
    const counties = must(op('lists.all', {})).counties;
    const shahroud = counties.find((c) => c.name === 'شاهرود')!;
    const client = must(
      op('clients.create', {
        nationalId: ALI_ID,
        firstName: ' علي ',
        lastName: `كاظمي${ZWNJ}نژاد`,
        sex: 'male',
        mobile: '+98 ۹۱۲ ۳۴۵ ۶۷۸۹',
        countyId: shahroud.id,
        circumstances: ['disability', 'elderly', 'disability'],
      }),
    );
    expect(client).toMatchObject({
      firstName: 'علی',
      lastName: `کاظمی${ZWNJ}نژاد`,
      fatherName: '',
      birthDate: null,
      mobile: '09123456789',
      countyId: shahroud.id,
      countyName: 'شاهرود',
      circumstances: ['disability', 'elderly'],
    });
    expect(must(op('clients.get', { id: client.id }))).toEqual(client);
    const audit = t.core.db.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'client' AND entity_id = ?").all(client.id) as {
      action: string;
      before: string | null;
      after: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(audit[0]!.before).toBeNull();
    expect(JSON.parse(audit[0]!.after)).toEqual(client);
  });

  it('refuses a second client with the same national ID, naming the existing one', () => {
    must(op('clients.create', { nationalId: ALI_ID, firstName: 'علی', lastName: 'کاظمی', sex: 'male' }));
    const before = countRows(t.core, 'clients');
    const error = mustFail(op('clients.create', { nationalId: toPersianDigits(ALI_ID), firstName: 'حسن', lastName: 'موسوی', sex: 'male' }));
    expect(error.code).toBe('conflict');
    expect(error.field).toBe('nationalId');
    expect(error.message).toContain('علی کاظمی');
    expect(error.message).toBe(MESSAGES['client.duplicate'].replace('{name}', 'علی کاظمی'));
    expect(countRows(t.core, 'clients')).toBe(before);
  });

  it('refuses a county that is not on the list', () => {
    const error = mustFail(op('clients.create', { nationalId: ALI_ID, firstName: 'علی', lastName: 'کاظمی', sex: 'male', countyId: 'nowhere' }));
    expect(error).toEqual({ code: 'invalid_input', message: MESSAGES['county.notFound'], field: 'countyId' });
  });
});

describe('clients.update', () => {
  let t: TempCore;
  let op: Call;
  let operatorId: string;
  beforeEach(() => {
    t = createTempCore();
    t.setupAdmin();
    const token = t.signIn('operator', 'operator1');
    op = t.as(token);
    operatorId = must(op('auth.me', {})).userId;
  });
  afterEach(() => t.cleanup());

  const fields = { nationalId: ALI_ID, firstName: 'علی', lastName: 'کاظمی', sex: 'male' as const, mobile: '09120000000' };

  it('writes the change and keeps an audit entry with the record before and after', () => {
    const created = must(op('clients.create', fields));
    const updated = must(op('clients.update', { id: created.id, fields: { ...fields, lastName: 'کاظمی‌پور', mobile: '۰۹۱۳۱۱۱۲۲۳۳' } }));
    expect(updated.lastName).toBe('کاظمی‌پور');
    expect(updated.mobile).toBe('09131112233');
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const audit = t.core.db
      .prepare("SELECT action, user_id, before, after FROM audit_log WHERE entity = 'client' AND entity_id = ? ORDER BY at")
      .all(created.id) as { action: string; user_id: string; before: string | null; after: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    const update = audit[1]!;
    expect(update.user_id).toBe(operatorId);
    expect(JSON.parse(update.before!)).toEqual(created);
    expect(JSON.parse(update.after!)).toEqual(updated);
    expect(JSON.parse(update.before!).lastName).toBe('کاظمی');
  });

  it('re-indexes the name for search', () => {
    const created = must(op('clients.create', fields));
    expect(must(op('clients.search', { query: 'کاظمی' })).map((h) => h.id)).toEqual([created.id]);
    must(op('clients.update', { id: created.id, fields: { ...fields, lastName: 'موسوی' } }));
    expect(must(op('clients.search', { query: 'کاظمی' }))).toEqual([]);
    expect(must(op('clients.search', { query: 'موسو' })).map((h) => h.id)).toEqual([created.id]);
  });

  it("refuses another client's national ID but accepts the client's own", () => {
    const ali = must(op('clients.create', fields));
    const maryam = must(op('clients.create', { nationalId: nationalIdFor(7), firstName: 'مریم', lastName: 'رضایی', sex: 'female' }));
    const auditBefore = countRows(t.core, 'audit_log');
    const error = mustFail(op('clients.update', { id: maryam.id, fields: { nationalId: ALI_ID, firstName: 'مریم', lastName: 'رضایی', sex: 'female' } }));
    expect(error.code).toBe('conflict');
    expect(error.field).toBe('fields.nationalId');
    expect(error.message).toContain('علی کاظمی');
    expect(countRows(t.core, 'audit_log')).toBe(auditBefore);
    expect(must(op('clients.get', { id: maryam.id })).nationalId).toBe(nationalIdFor(7));
    expect(must(op('clients.update', { id: ali.id, fields: { ...fields, fatherName: 'حسین' } })).fatherName).toBe('حسین');
  });

  it('answers not_found for an unknown client', () => {
    expect(mustFail(op('clients.update', { id: 'no-such-client', fields }))).toEqual({
      code: 'not_found',
      message: MESSAGES['client.notFound'],
      field: 'clientId',
    });
    expect(mustFail(op('clients.get', { id: 'no-such-client' })).code).toBe('not_found');
  });
});

describe('clients.search', () => {
  let t: TempCore;
  let op: Call;
  let ali: string;
  let maryam: string;

  beforeAll(() => {
    t = createTempCore();
    t.setupAdmin();
    op = t.as(t.signIn('operator', 'operator1'));
    // typed on an Arabic keyboard: ي and ك, with a ZWNJ inside the last name, digits in Persian
    ali = must(
      op('clients.create', {
        nationalId: '۰۰۱۲۳۴۵۶۷۹',
        firstName: 'علي',
        lastName: `كاظمي${ZWNJ}نژاد`,
        fatherName: 'حسين',
        fileNumber: 'پ-۴۵۲۱',
        sex: 'male',
      }),
    ).id;
    maryam = must(op('clients.create', { nationalId: MARYAM_ID, firstName: 'مریم', lastName: 'رضایی', sex: 'female' })).id;
  });
  afterAll(() => t.cleanup());

  const find = (query: string) => must(op('clients.search', { query })).map((h) => h.id);

  it('stores the name in Persian letters and a normalized search text', () => {
    expect(t.core.db.prepare('SELECT first_name, last_name, search_text FROM clients WHERE id = ?').get(ali)).toEqual({
      first_name: 'علی',
      last_name: `کاظمی${ZWNJ}نژاد`,
      search_text: 'علی کاظمینژاد حسین پ-4521',
    });
  });

  it('finds a name whatever keyboard it is typed on', () => {
    for (const query of ['علی', 'علي', 'عَلی', `کاظمی${ZWNJ}نژاد`, 'کاظمینژاد', `كاظمي${ZWNJ}نژاد`, 'كاظمينژاد', 'حسین', 'حسين']) {
      expect(find(query), query).toEqual([ali]);
    }
  });

  it('finds by the start of a word, with words in any order', () => {
    expect(find('کاظ')).toEqual([ali]);
    expect(find('کاظمی')).toEqual([ali]);
    expect(find('علی کاظ')).toEqual([ali]);
    expect(find('کاظمی علی')).toEqual([ali]);
    expect(find('رضا')).toEqual([maryam]);
    expect(find('پ-۴۵۲')).toEqual([ali]);
  });

  it('finds by a national ID prefix typed in any digits', () => {
    expect(find('۰۰۱۲')).toEqual([ali]);
    expect(find('٠٠١٢٣٤')).toEqual([ali]);
    expect(find('0012345679')).toEqual([ali]);
    expect(find('۰۰۱ ۲۳۴')).toEqual([ali]);
    expect(find('۰۱۲۳')).toEqual([maryam]);
    expect(find('۰')).toEqual([ali, maryam]);
  });

  it('finds nothing for a query that matches no one', () => {
    expect(find('احمدی')).toEqual([]);
    expect(find('علی رضایی')).toEqual([]);
    expect(find('نژاد')).toEqual([]); // inside a word, not at its start
    expect(find('۰۰۹۹')).toEqual([]);
    expect(find('   ')).toEqual([]);
    expect(find(ZWNJ)).toEqual([]);
  });

  it('treats full-text operators and quotes as plain text', () => {
    for (const query of ['"', '*', 'علی OR', 'NOT علی', 'علی AND رضایی', '(علی', 'a:b', "'"]) {
      const result = op('clients.search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(find('علی OR')).toEqual([]);
  });

  it('returns at most `limit` hits with the fields a list needs', () => {
    expect(must(op('clients.search', { query: '۰' }))).toHaveLength(2);
    const hits = must(op('clients.search', { query: '۰', limit: 1 }));
    expect(hits.map((h) => h.id)).toEqual([ali]);
    expect(Object.keys(hits[0]!).sort()).toEqual(['circumstances', 'countyName', 'fatherName', 'firstName', 'id', 'lastName', 'nationalId']);
    expect(must(op('clients.search', { query: 'علی' }))[0]).toMatchObject({ nationalId: ALI_ID, fatherName: 'حسین', countyName: null });
  });
});
