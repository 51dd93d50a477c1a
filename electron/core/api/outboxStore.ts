import type { Instruction } from '../contract';
import { toPersianDigits } from '../domain/digits';
import { newId } from '../domain/ids';
import { groupTrackingCode } from '../domain/trackingCode';
import type { Ctx } from './context';
import { readSettings } from './settingsStore';

const OUTCOME_TEXT = { done: 'انجام شد', partly_done: 'بخشی از آن انجام شد', not_possible: 'انجام‌پذیر نبود' } as const;

/** The short message a client gets when an instruction is issued or closed. */
export function messageText(directorate: string, i: Instruction, kind: 'issued' | 'closed'): string {
  const code = toPersianDigits(groupTrackingCode(i.trackingCode));
  if (kind === 'issued') return `${directorate}: درخواست شما ثبت و دستور لازم صادر شد. کد رهگیری: ${code}`;
  const result = i.outcome ? OUTCOME_TEXT[i.outcome] : 'بررسی شد';
  return `${directorate}: درخواست شما با کد رهگیری ${code} ${result}.`;
}

/**
 * Puts a message to the client in the outbox, in the same transaction as the change it tells
 * of. Nothing is sent here: the sender sends pending rows through the gateway, when there is one.
 */
export function enqueueMessage(ctx: Ctx, i: Instruction, kind: 'issued' | 'closed'): void {
  const client = ctx.db.prepare('SELECT mobile FROM clients WHERE id = ?').get(i.clientId) as { mobile: string } | undefined;
  if (!client?.mobile) return;
  ctx.db
    .prepare('INSERT INTO outbox (id, client_id, instruction_id, kind, mobile, text, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), i.clientId, i.id, kind, client.mobile, messageText(readSettings(ctx.db).directorateName, i, kind), 'pending', ctx.now);
}
