import type { Core } from '../index';

/**
 * Starts the backup schedule in the host process (the station's CLI and the desktop app's host
 * mode): every minute the service looks whether a backup is due by the policy (every N hours
 * since the newest routine copy) and queues one; copies never checked are checked once. Returns
 * the stop function; `core.close()` stops it too.
 */
export function startBackupScheduler(core: Pick<Core, 'backups'>): () => void {
  core.backups.start();
  return () => core.backups.stop();
}
