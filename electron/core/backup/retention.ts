import type { BackupPolicy, BackupReason } from '../contract/backup';
import { tehranDate } from '../domain/time';
import { isSafetyCopy } from './names';

/**
 * The retention rule (docs/ARCHITECTURE.md, "Backups and restore"):
 *
 * 1. Routine copies (scheduled or by hand) that passed their check or are not checked yet: the
 *    newest `keepLast` are kept, and so is the newest copy of each of the last `keepDays` days
 *    (Tehran calendar days, today included). The rest are deleted.
 * 2. Safety copies (before a migration, before a restore) are kept `keepDays` days; after that
 *    they are deleted, except the newest safety copy, which is always kept.
 * 3. A copy whose check failed counts for nothing above; it is deleted once older than `keepDays`.
 * 4. Files Didar did not name are never touched (callers pass only parsed backups).
 */

export interface RetentionItem {
  name: string;
  reason: BackupReason;
  /** UTC ISO, from the name. */
  at: string;
  /** The check failed (a copy not checked yet is not failed). */
  failed: boolean;
}

const DAY_MS = 86_400_000;

/** The names the rule deletes, given every backup in the folder and the time now. */
export function chooseDeletions(items: readonly RetentionItem[], policy: BackupPolicy, now: Date): string[] {
  const newestFirst = [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const tooOld = (item: RetentionItem) => now.getTime() - Date.parse(item.at) > policy.keepDays * DAY_MS;
  const keep = new Set<string>();

  const routine = newestFirst.filter((i) => !i.failed && !isSafetyCopy(i.reason));
  for (const item of routine.slice(0, policy.keepLast)) keep.add(item.name);
  const firstDay = tehranDate(new Date(now.getTime() - (policy.keepDays - 1) * DAY_MS));
  const daysSeen = new Set<string>();
  for (const item of routine) {
    const day = tehranDate(new Date(item.at));
    if (day < firstDay || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(item.name);
  }

  const safety = newestFirst.filter((i) => !i.failed && isSafetyCopy(i.reason));
  if (safety[0]) keep.add(safety[0].name);
  for (const item of safety) if (!tooOld(item)) keep.add(item.name);

  for (const item of newestFirst) if (item.failed && !tooOld(item)) keep.add(item.name);

  return newestFirst.filter((i) => !keep.has(i.name)).map((i) => i.name);
}
