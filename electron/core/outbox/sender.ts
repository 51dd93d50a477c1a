import type { Db } from '../db/open';
import { readSettings } from '../api/settingsStore';
import { followSwaps, writesPaused } from '../backup/liveDb';
import { gatewayFromSettings, type SmsGateway } from './gateway';

/** Attempts before a message is given up as failed. */
export const MAX_ATTEMPTS = 5;

export interface SendReport {
  gateway: boolean;
  sent: number;
  failed: number;
  pending: number;
}

/**
 * Sends the outbox's pending messages, oldest first, through `gateway`. Without a gateway
 * nothing is sent and every message stays pending (the outbox screen says why). A refused
 * message is tried again on later rounds, up to MAX_ATTEMPTS, then marked failed.
 */
export async function sendPending(db: Db, gateway: SmsGateway | null, now: () => Date = () => new Date(), batch = 50): Promise<SendReport> {
  const pendingCount = () => (db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
  if (!gateway) return { gateway: false, sent: 0, failed: 0, pending: pendingCount() };
  const rows = db.prepare(`SELECT id, mobile, text, attempts FROM outbox WHERE status = 'pending' ORDER BY created_at LIMIT ?`).all(batch) as {
    id: string;
    mobile: string;
    text: string;
    attempts: number;
  }[];
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await gateway.send(row.mobile, row.text);
      db.prepare(`UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '' WHERE id = ? AND status = 'pending'`).run(
        now().toISOString(),
        row.id,
      );
      sent += 1;
    } catch (e) {
      const giveUp = row.attempts + 1 >= MAX_ATTEMPTS;
      db.prepare(`UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'`).run(
        giveUp ? 'failed' : 'pending',
        (e instanceof Error ? e.message : String(e)).slice(0, 300),
        row.id,
      );
      if (giveUp) failed += 1;
    }
  }
  return { gateway: true, sent, failed, pending: pendingCount() };
}

/**
 * Runs the sender every `intervalMs` with the gateway the settings name at that moment; returns a
 * stop function. It follows the host's connection across a restore (the `db` it was started
 * with may have been replaced), and waits while a restore is copying the database.
 */
export function startOutboxSender(start: Db, intervalMs = 20_000, log: (e: unknown) => void = console.error): () => void {
  let running = false;
  const tick = async () => {
    const db = followSwaps(start);
    if (running || !db.open || writesPaused(db)) return;
    running = true;
    try {
      await sendPending(db, gatewayFromSettings(readSettings(db)));
    } catch (e) {
      log(e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
