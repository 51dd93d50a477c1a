import { withCheckDigit } from '../../../electron/core/domain/nationalId';
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES, REQUEST_TEXTS } from '../../province/names';
import { judge, type Figure } from '../results';
import type { BenchSession } from '../session';
import { sideBySide } from '../stats';
import { walIndex } from '../../../electron/core/db/checkpointer';
import { scratchCommit } from '../wal';

/** National IDs no client holds yet, checked before the timing (the data's IDs are spread over the whole range). */
function freshNationalIds(session: BenchSession, count: number): string[] {
  const taken = session.core.db.prepare('SELECT 1 FROM clients WHERE national_id = ?');
  const ids: string[] = [];
  let n = Math.floor(Math.random() * 1_000_000_000);
  while (ids.length < count) {
    n = (n + 7_919_993) % 1_000_000_000;
    const id = withCheckDigit(String(n).padStart(9, '0'));
    if (!taken.get(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * An intake as the desk sends it — a new client (with county, circumstances, mobile, address), a
 * visit, three requests and its ticket — through dispatch, committed at synchronous=FULL. Beside
 * it, in the same rounds, two floors: the smallest write transaction (one row of the benchmark's
 * meeting changed) committed at FULL on the same file and connection, which is what any write
 * pays here; and a commit of as many pages as an intake writes (counted from the WAL) to a scratch
 * database on the same disk, which is what the disk charges for a commit of that size.
 */
export function intakeFigures(session: BenchSession, file: string, runs: number, warmup: number): Figure[] {
  const db = session.core.db;
  const ids = freshNationalIds(session, runs + warmup + 10);
  const texts = Object.values(REQUEST_TEXTS).flat();
  const floor = db.prepare('UPDATE meetings SET place = ? WHERE id = ?');
  const intake = (i: number) => {
    const female = i % 2 === 0;
    const r = session.call('visits.register', {
      meetingId: session.meetingId,
      newClient: {
        nationalId: ids[i]!,
        firstName: (female ? FEMALE_NAMES : MALE_NAMES)[i % 40]!,
        lastName: LAST_NAMES[(i * 7) % LAST_NAMES.length]!,
        fatherName: MALE_NAMES[(i * 3) % MALE_NAMES.length]!,
        sex: female ? 'female' : 'male',
        mobile: `0912${String(1_000_000 + i).slice(-7)}`,
        address: 'سمنان، خیابان امام، کوچه ۱۲',
        countyId: session.countyIds[i % session.countyIds.length]!,
        circumstances: i % 3 === 0 ? ['disability', 'low_income'] : [],
      },
      requests: [0, 1, 2].map((k) => ({
        categoryId: session.categoryIds[(i + k) % session.categoryIds.length]!,
        text: texts[(i + k) % texts.length]!,
      })),
    });
    if (!r.ok) throw new Error(`intake: ${r.error.message}`);
  };

  // Pages an intake commits: WAL frames before and after (the wal-index header's mxFrame), over ten
  // intakes (a checkpoint between starts the WAL over: skipped).
  const frames: number[] = [];
  for (let i = runs + warmup; i < runs + warmup + 10; i++) {
    const before = walIndex(file).frames;
    intake(i);
    const after = walIndex(file).frames;
    if (after > before) frames.push(after - before);
  }
  frames.sort((a, b) => a - b);
  const pages = frames[frames.length >> 1] ?? 40;
  const scratch = scratchCommit(file, pages);
  try {
    const stats = sideBySide(
      {
        intake,
        floor: (i) => db.transaction(() => floor.run(i % 2 ? 'اداره کل' : 'اداره کل ', session.meetingId)).immediate(),
        pages: () => scratch.commit(),
      },
      runs,
      warmup,
    );
    floor.run('اداره کل', session.meetingId);
    const goal = { p95Ms: 2, text: 'p95 ≤ 2 ms' };
    return [
      judge({
        id: 'intake',
        name: 'intake: client + visit + 3 requests + ticket (dispatch)',
        stat: stats.intake,
        floor: { name: 'one-row write committed at FULL', stat: stats.floor },
        goal,
        note: `each intake writes a new client into the data (the benchmark's own meeting) and commits ${pages} pages (median of ${frames.length})`,
      }),
      judge({
        id: 'intake.pages',
        name: 'intake, beside a commit of as many pages (same rounds)',
        stat: stats.intake,
        floor: { name: `${pages} pages committed at FULL, scratch file`, stat: stats.pages },
        goal,
      }),
    ];
  } finally {
    scratch.close();
  }
}
