import { typedCall } from '../../electron/core/api/dispatch';
import { createCore, type Core } from '../../electron/core';

export type Call = ReturnType<typeof typedCall>;

export interface BenchSession {
  core: Core;
  token: string;
  call: Call;
  /** An open meeting of the benchmark's own, dated today, that takes its intakes and calls. */
  meetingId: string;
  categoryIds: string[];
  countyIds: string[];
  /** The instant (process.hrtime) the core last handed out a committed change's event, taken before any transport sends it. */
  lastEventAt(): bigint;
}

/** Today's date in Tehran (UTC+03:30). */
const tehranToday = () => new Date(Date.now() + 210 * 60_000).toISOString().slice(0, 10);

/**
 * Opens the core on the benchmark database, signs in (the generator's admin) and opens a meeting
 * of the benchmark's own for today: intakes and "call next" write only there. The data's other
 * meetings are left as they are; each run adds one meeting and its visitors.
 */
export function openSession(file: string, username: string, password: string): BenchSession {
  const core = createCore({ file });
  // The first listener of the core's events (the station subscribes later): it runs right after the commit.
  let lastEventAt = 0n;
  core.onEvent(() => {
    lastEventAt = process.hrtime.bigint();
  });
  try {
    const login = typedCall(core.dispatch, null)('auth.login', { username, password });
    if (!login.ok) throw new Error(`cannot sign in as ${username}: ${login.error.message} (--user / --password)`);
    const call = typedCall(core.dispatch, login.value.token);
    const meeting = call('meetings.create', {
      kind: 'weekly_public',
      title: `سنجش کارایی ${new Date().toISOString()}`,
      date: tehranToday(),
      place: 'اداره کل',
      presiding: '',
    });
    if (!meeting.ok) throw new Error(meeting.error.message);
    const opened = call('meetings.open', { id: meeting.value.id });
    if (!opened.ok) throw new Error(opened.error.message);
    const lists = call('lists.all', {});
    if (!lists.ok) throw new Error(lists.error.message);
    return {
      core,
      token: login.value.token,
      call,
      meetingId: meeting.value.id,
      categoryIds: lists.value.categories.filter((c) => c.active).map((c) => c.id),
      countyIds: lists.value.counties.filter((c) => c.active).map((c) => c.id),
      lastEventAt: () => lastEventAt,
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
