import type { BackupEntry } from '../../../../electron/core/contract/backup';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';

const t = fa.backup;

/** A backup's reason in Persian. */
export function reasonLabel(reason: BackupEntry['reason']): string {
  const migration = /^before-migration-v(\d+)$/.exec(reason);
  if (migration) return fill(t.reasons.migration, { version: faDigits(migration[1]!) });
  return t.reasons[reason as 'scheduled' | 'manual' | 'before-restore'];
}

/** A file size in Persian digits (kilobytes under a megabyte). */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return fill(t.kilobytes, { n: faDigits(Math.max(1, Math.round(bytes / 1024))) });
  return fill(t.megabytes, { n: faDigits((bytes / 1024 / 1024).toFixed(1)) });
}

/** The name a before-restore copy made now would get (the host names it when the restore is asked for). */
export function keptNameLike(now = new Date()): string {
  return `didar-${now.toISOString().replace(/[:.]/g, '-')}-before-restore.sqlite`;
}
