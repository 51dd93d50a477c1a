import { afterEach, describe, expect, it } from 'vitest';
import { createOpenMeeting, createTempCore, firstCategoryId, must, registerVisitor, signInUser, type TempCore } from '../testing/tempCore';

describe('queue.list', () => {
  let t: TempCore;
  afterEach(() => t.cleanup());

  it('lists the no-shows (latest first) beside the waiting and the called, for any desk that asks', () => {
    t = createTempCore();
    const adminToken = t.setupAdmin();
    const admin = t.as(adminToken);
    const official = t.as(signInUser(t, adminToken, { username: 'official1', role: 'official' }));
    const operator = t.as(signInUser(t, adminToken, { username: 'operator1', role: 'operator' }));
    const meetingId = createOpenMeeting(admin);
    const categoryId = firstCategoryId(admin);
    for (let seed = 1; seed <= 4; seed++) registerVisitor(admin, meetingId, categoryId, seed);
    const first = must(official('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
    must(official('queue.noShow', { visitId: first.visitId }));
    const second = must(official('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
    must(official('queue.noShow', { visitId: second.visitId }));
    must(official('queue.callNext', { meetingId, desk: 'میز ۱' }));

    const queue = must(operator('queue.list', { meetingId }));
    expect(queue.noShows.map((e) => e.ticket)).toEqual([2, 1]);
    expect(queue.noShows.every((e) => e.status === 'no_show')).toBe(true);
    expect(queue.called.map((e) => e.ticket)).toEqual([3]);
    expect(queue.waiting.map((e) => e.ticket)).toEqual([4]);

    must(operator('queue.requeue', { visitId: first.visitId }));
    const after = must(operator('queue.list', { meetingId }));
    expect(after.noShows.map((e) => e.ticket)).toEqual([2]);
    expect(after.waiting.map((e) => e.ticket)).toEqual([4, 1]);
  });
});
