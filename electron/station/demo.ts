import { randomBytes } from 'node:crypto';
import type { Core } from '../core';
import { typedCall } from '../core/api/dispatch';
import type { Circumstance, Input, PriorityKind, Role, Sex } from '../core/contract';
import { withCheckDigit } from '../core/domain/nationalId';
import { tehranDate } from '../core/domain/time';

const FIRST: [string, Sex][] = [
  ['محمد', 'male'], ['علی', 'male'], ['حسین', 'male'], ['رضا', 'male'], ['مهدی', 'male'], ['عباس', 'male'],
  ['فاطمه', 'female'], ['زهرا', 'female'], ['مریم', 'female'], ['معصومه', 'female'], ['سکینه', 'female'], ['طاهره', 'female'],
];
// Some names carry Arabic ي/ك or a zero-width non-joiner, as text typed on different keyboards does.
const LAST = ['احمدی', 'محمدي', 'کریمی', 'رضائی', 'حسینی', 'نوروزی', 'عبدالهی', 'صادقی', 'جعفری', 'كاظمی', 'قاسمی', 'میر\u200cحسینی', 'یزدانی', 'طاهری'];
const FATHER = ['حسن', 'قربان', 'اکبر', 'غلامرضا', 'نصرالله', 'ابراهیم'];
const TEXTS = [
  'درخواست ویلچر برقی برای فرزند دارای معلولیت',
  'افزایش مستمری ماهانه به دلیل هزینه درمان',
  'کمک به ودیعه مسکن و معرفی به طرح مسکن',
  'مناسب‌سازی سرویس بهداشتی منزل',
  'معرفی به کارگاه اشتغال و وام خوداشتغالی',
  'هزینه جلسات گفتاردرمانی',
  'تأمین سمعک برای سالمند',
];

/** A random password a person can read and type. */
function readablePassword(): string {
  return `didar-${randomBytes(4).toString('hex')}`;
}

/** A calendar date (YYYY-MM-DD) plus whole days. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Last week's meeting as the official held it: every visitor called, an instruction of a
 * different kind for each request (one of them amended), every visit finished.
 */
function holdEarlierMeeting(core: Core, official: { username: string; password: string }, meetingId: string, today: string): void {
  const pub = typedCall(core.dispatch, null);
  const login = pub('auth.login', { username: official.username, password: official.password });
  if (!login.ok) throw new Error(login.error.message);
  const call = typedCall(core.dispatch, login.value.token);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const lists = must(call('lists.all', {}));
  const unit = (name: string) => lists.units.find((u) => u.name === name)?.id ?? lists.units[0]!.id;
  const agency = (name: string) => lists.agencies.find((a) => a.name.includes(name))?.id ?? lists.agencies[0]!.id;
  const orders: Input<'instructions.issue'>['fields'][] = [
    { kind: 'unit', text: 'بررسی و تأمین وسیله کمک توانبخشی در اولویت', unitId: unit('معاونت توانبخشی'), dueDate: addDays(today, 14), amountToman: 45_000_000, funder: 'welfare' },
    { kind: 'agency', text: 'معرفی به کمیته امداد برای کمک معیشتی', agencyId: agency('کمیته امداد'), dueDate: addDays(today, 30) },
    { kind: 'answered', text: 'مستمری از ماه آینده افزایش می‌یابد', answer: 'افزایش مستمری در جلسه تأیید و به مددجو اعلام شد.' },
    { kind: 'review', text: 'بررسی وضعیت مسکن با بازدید مددکار', reviewer: 'مددکار اداره بهزیستی شهرستان', dueDate: addDays(today, 7) },
    { kind: 'not_possible', text: 'درخواست در ضوابط فعلی نمی‌گنجد', reason: 'مددجو پیش‌تر از همین کمک در سال جاری بهره‌مند شده است.' },
    { kind: 'unit', text: 'پیگیری وام خوداشتغالی و معرفی به کارگاه', unitId: unit('معاونت توانمندسازی'), dueDate: addDays(today, 21), amountToman: 120_000_000, funder: 'charity' },
  ];
  let n = 0;
  for (;;) {
    const called = must(call('queue.callNext', { meetingId, desk: 'میز ۱' }));
    if (!called) break;
    for (const r of called.requests) {
      const issued = must(call('instructions.issue', { requestId: r.id, fields: orders[n % orders.length]! }));
      if (n === 1) {
        must(call('instructions.amend', { id: issued.id, reason: 'مهلت با هماهنگی کمیته امداد کوتاه‌تر شد', fields: { ...orders[1]!, dueDate: addDays(today, 20) } }));
      }
      n++;
    }
    must(call('visits.finish', { visitId: called.visitId }));
  }
}

/**
 * Fills a fresh database with a realistic demo: users of every role (their passwords are
 * returned to be printed), clients, a closed earlier meeting with history, and today's
 * open meeting with visitors waiting. Does nothing on a database that already has users.
 */
export function fillDemo(core: Core): { username: string; role: Role; password: string }[] | null {
  const pub = typedCall(core.dispatch, null);
  const status = pub('auth.status', {});
  if (!status.ok || !status.value.needsSetup) return null;
  const users: { username: string; role: Role; password: string; displayName: string }[] = [
    { username: 'admin', role: 'admin', password: readablePassword(), displayName: 'مدیر سامانه' },
    { username: 'operator', role: 'operator', password: readablePassword(), displayName: 'زهرا پذیرش' },
    { username: 'official', role: 'official', password: readablePassword(), displayName: 'مدیرکل' },
    { username: 'followup', role: 'followup', password: readablePassword(), displayName: 'کارشناس پیگیری' },
  ];
  const setup = pub('auth.setup', { username: 'admin', displayName: users[0]!.displayName, password: users[0]!.password });
  if (!setup.ok) throw new Error(setup.error.message);
  const admin = typedCall(core.dispatch, setup.value.token);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  for (const u of users.slice(1)) must(admin('users.create', u));
  const lists = must(admin('lists.all', {}));
  const today = tehranDate(new Date());
  const lastWeek = tehranDate(new Date(Date.now() - 7 * 86400_000));

  const clients = Array.from({ length: 36 }, (_, i) => {
    const [firstName, sex] = FIRST[i % FIRST.length]!;
    return {
      nationalId: withCheckDigit(String(4_100_000_00 + i * 7919).padStart(9, '0')),
      firstName,
      lastName: LAST[(i * 5) % LAST.length]!,
      fatherName: FATHER[i % FATHER.length]!,
      sex,
      mobile: `0912${String(1_000_000 + i * 1237).slice(0, 7)}`,
      countyId: lists.counties[i % lists.counties.length]!.id,
      circumstances: (i % 4 === 0 ? ['disability'] : i % 5 === 0 ? ['female_head'] : i % 7 === 0 ? ['elderly'] : []) as Circumstance[],
      birthDate: `19${60 + (i % 35)}-0${1 + (i % 9)}-1${i % 9}`,
    };
  });

  const request = (i: number) => ({ categoryId: lists.categories[i % lists.categories.length]!.id, text: TEXTS[i % TEXTS.length]! });

  const earlier = must(
    admin('meetings.create', { kind: 'weekly_public', title: 'دیدار مردمی هفتگی مدیرکل', date: lastWeek, place: 'اداره کل بهزیستی، سالن اجتماعات', countyId: lists.counties[0]!.id, presiding: 'مدیرکل، معاون توانبخشی' }),
  );
  must(admin('meetings.open', { id: earlier.id }));
  const returning: string[] = [];
  for (let i = 0; i < 6; i++) {
    returning.push(must(admin('visits.register', { meetingId: earlier.id, newClient: clients[i]!, requests: [request(i), request(i + 3)] })).clientId);
  }
  holdEarlierMeeting(core, users[2]!, earlier.id, today);
  must(admin('meetings.close', { id: earlier.id }));

  const meeting = must(
    admin('meetings.create', { kind: 'weekly_public', title: 'میز خدمت و دیدار مردمی', date: today, place: 'اداره کل بهزیستی، طبقه همکف', countyId: lists.counties[0]!.id, presiding: 'مدیرکل، معاون امور اجتماعی' }),
  );
  must(admin('meetings.open', { id: meeting.id }));
  const priorityOf = (c: { circumstances: Circumstance[] }) => {
    const priority: PriorityKind = c.circumstances.includes('disability') ? 'disability' : c.circumstances.includes('elderly') ? 'elderly' : 'none';
    return { priority, priorityReason: priority === 'none' ? '' : priority === 'disability' ? 'معلولیت جسمی-حرکتی' : 'سالمند بالای ۷۵ سال' };
  };
  // Four of last week's visitors come back today, so the desk shows their history.
  for (let i = 0; i < 4; i++) {
    must(admin('visits.register', { meetingId: meeting.id, clientId: returning[i]!, ...priorityOf(clients[i]!), requests: [request(i + 5)] }));
  }
  for (let i = 6; i < 16; i++) {
    const c = clients[i]!;
    must(
      admin('visits.register', {
        meetingId: meeting.id,
        newClient: c,
        ...priorityOf(c),
        requests: i % 3 === 0 ? [request(i), request(i + 1)] : [request(i)],
      }),
    );
  }
  // The rest are on file but not in today's queue, so the intake desk can find them.
  for (let i = 16; i < clients.length; i++) must(admin('clients.create', clients[i]!));
  return users.map(({ username, role, password }) => ({ username, role, password }));
}
