import type { DailyFollowup, FollowupCounts, FollowupItem, FollowupStep, Instruction, OutboxRow } from '../contract';
import { followupContract } from '../contract/followup';
import { REPRESENTATIVES } from '../contract/define';
import { toLatinDigits } from '../domain/digits';
import { newId } from '../domain/ids';
import { normalizeForSearch } from '../domain/normalize';
import { tehranDate } from '../domain/time';
import { cleanTrackingCode } from '../domain/trackingCode';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { fail } from './errors';
import { SELECT_INSTRUCTIONS, getInstruction, toInstruction, type InstructionDbRow } from './instructionStore';
import { activeItemExists } from './lists';
import { enqueueMessage } from './outboxStore';
import { readSettings } from './settingsStore';
import { sharedIssueOf, sharedSiblings } from './sharedIssues';
import { prepared } from '../db/statements';

const DAY = 86_400_000;

/** A representative sees only what was referred to their unit or agency. */
function representativeScope(ctx: Ctx): { unitId: string | null; agencyId: string | null } | null {
  const actor = me(ctx);
  if (!REPRESENTATIVES.includes(actor.role)) return null;
  return { unitId: actor.role === 'unit' ? actor.unitId : null, agencyId: actor.role === 'agency' ? actor.agencyId : null };
}

/** The instruction, if the caller may see it; a representative asking for another's gets "not found". */
function visibleInstruction(ctx: Ctx, id: string): Instruction {
  const i = getInstruction(ctx.db, id, 'instructionId');
  const scope = representativeScope(ctx);
  if (scope && !((scope.unitId && i.unitId === scope.unitId) || (scope.agencyId && i.agencyId === scope.agencyId))) {
    throw fail.notFound('instruction.notFound', 'instructionId');
  }
  return i;
}

function changedFollowup(ctx: Ctx, i: Instruction): void {
  ctx.emit('followups.changed', { instructionId: i.id, unitId: i.unitId, agencyId: i.agencyId });
  ctx.emit('instructions.changed', { visitId: i.visitId, instructionId: i.id, unitId: i.unitId, agencyId: i.agencyId });
}

/**
 * The instruction and, when it carries a shared issue, every other live instruction of that
 * issue in the same state: a step, a result or a reopening reaches all the joined clients.
 */
function withShared(ctx: Ctx, instructionId: string): string[] {
  const issue = sharedIssueOf(ctx.db, instructionId);
  if (issue === null) return [instructionId];
  ctx.emit('sharedIssues.changed', { sharedIssueId: issue });
  return [instructionId, ...sharedSiblings(ctx.db, instructionId)];
}

function addStepRow(ctx: Ctx, instructionId: string, kind: FollowupStep['kind'], text: string, at: string): void {
  prepared(ctx.db, 'INSERT INTO follow_ups (id, instruction_id, kind, text, by_user, at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), instructionId, kind, text, me(ctx).userId, at, ctx.now);
}

const staleBefore = (ctx: Ctx) => new Date(Date.parse(ctx.now) - readSettings(ctx.db).staleDays * DAY).toISOString();

interface ItemDbRow extends InstructionDbRow {
  first_name: string;
  last_name: string;
  national_id: string;
  mobile: string;
  category_name: string;
  request_text: string;
  meeting_id: string;
  meeting_title: string;
  meeting_date: string;
  step_count: number;
}

export const followupHandlers = {
  'followups.list': (input, ctx) => {
    const today = tehranDate(new Date(ctx.now));
    const stale = staleBefore(ctx);
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status !== 'all') {
      where.push('i.status = ?');
      params.push(input.status);
    } else where.push("i.status <> 'cancelled'");
    const scope = representativeScope(ctx);
    const unitId = scope ? scope.unitId : input.unitId;
    const agencyId = scope ? scope.agencyId : input.agencyId;
    if (scope && !unitId && !agencyId) return { total: 0, items: [] };
    if (unitId) {
      where.push('i.unit_id = ?');
      params.push(unitId);
    }
    if (agencyId) {
      where.push('i.agency_id = ?');
      params.push(agencyId);
    }
    if (input.meetingId) {
      where.push('v.meeting_id = ?');
      params.push(input.meetingId);
    }
    if (input.dueBy) {
      where.push('i.due_date <= ?');
      params.push(input.dueBy);
    }
    if (input.overdueOnly) {
      where.push("i.status = 'open' AND i.due_date < ?");
      params.push(today);
    }
    if (input.staleOnly) {
      where.push("i.status = 'open' AND i.kind IN ('unit', 'agency') AND i.last_step_at < ?");
      params.push(stale);
    }
    const q = input.query.trim();
    if (q) {
      const code = cleanTrackingCode(q);
      const digits = toLatinDigits(q).replace(/[\s-]/g, '');
      if (code) {
        // Nine digits: a tracking code, or the start of a national ID.
        where.push('(i.tracking_code = ? OR (cl.national_id >= ? AND cl.national_id < ?))');
        params.push(code, code, `${code}:`);
      } else if (/^\d{1,10}$/.test(digits)) {
        where.push('cl.national_id >= ? AND cl.national_id < ?');
        params.push(digits, `${digits}:`);
      } else {
        const words = normalizeForSearch(q).split(' ').filter(Boolean);
        if (words.length) {
          where.push('cl.rowid IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)');
          params.push(words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' '));
        }
      }
    }
    const from = `FROM instructions i JOIN clients cl ON cl.id = i.client_id JOIN visits v ON v.id = i.visit_id WHERE ${where.join(' AND ')}`;
    const { n: total } = prepared(ctx.db, `SELECT count(*) AS n ${from}`).get(...params) as { n: number };
    const ids = prepared(ctx.db, 
        `SELECT i.id ${from}
         ORDER BY (i.status = 'open' AND i.due_date < ?) DESC, i.due_date IS NULL, i.due_date, i.issued_at
         LIMIT ? OFFSET ?`,
      )
      .all(...params, today, input.limit, input.offset) as { id: string }[];
    if (ids.length === 0) return { total, items: [] };
    const rows = prepared(ctx.db, 
        `SELECT x.*, cl.first_name, cl.last_name, cl.national_id, cl.mobile, c.name AS category_name, r.text AS request_text,
           m.id AS meeting_id, m.title AS meeting_title, m.date AS meeting_date,
           (SELECT count(*) FROM follow_ups f WHERE f.instruction_id = x.id) AS step_count
         FROM (${SELECT_INSTRUCTIONS} WHERE i.id IN (${ids.map(() => '?').join(',')})) x
         JOIN clients cl ON cl.id = x.client_id
         JOIN requests r ON r.id = x.request_id
         JOIN categories c ON c.id = r.category_id
         JOIN visits v ON v.id = x.visit_id
         JOIN meetings m ON m.id = v.meeting_id`,
      )
      .all(...ids.map((r) => r.id)) as ItemDbRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.map(({ id }): FollowupItem => {
      const r = byId.get(id)!;
      const instruction = toInstruction(r);
      const open = instruction.status === 'open';
      return {
        instruction,
        clientName: `${r.first_name} ${r.last_name}`,
        nationalId: r.national_id,
        mobile: r.mobile,
        categoryName: r.category_name,
        requestText: r.request_text,
        meetingId: r.meeting_id,
        meetingTitle: r.meeting_title,
        meetingDate: r.meeting_date,
        overdue: open && instruction.dueDate !== null && instruction.dueDate < today,
        stale: open && (instruction.kind === 'unit' || instruction.kind === 'agency') && instruction.lastStepAt < stale,
        daysSinceStep: Math.floor((Date.parse(ctx.now) - Date.parse(instruction.lastStepAt)) / DAY),
        steps: r.step_count,
      };
    });
    return { total, items };
  },
  'followups.steps': (input, ctx) => {
    visibleInstruction(ctx, input.instructionId);
    return (
      prepared(ctx.db, 
          `SELECT f.id, f.kind, f.text, u.display_name AS by_name, f.at FROM follow_ups f JOIN users u ON u.id = f.by_user
           WHERE f.instruction_id = ? ORDER BY f.at, f.created_at`,
        )
        .all(input.instructionId) as { id: string; kind: FollowupStep['kind']; text: string; by_name: string; at: string }[]
    ).map((r) => ({ id: r.id, kind: r.kind, text: r.text, byName: r.by_name, at: r.at }));
  },
  'followups.addStep': (input, ctx) => {
    const i = visibleInstruction(ctx, input.instructionId);
    if (i.status === 'cancelled') throw fail.conflict('followup.cancelled', {}, 'instructionId');
    if (i.status === 'closed' && input.kind !== 'note') throw fail.conflict('followup.closed', {}, 'instructionId');
    const at = input.at ? new Date(input.at).toISOString() : ctx.now;
    if (at > ctx.now) throw fail.invalid('followup.future', 'at');
    for (const id of withShared(ctx, i.id)) {
      addStepRow(ctx, id, input.kind, input.text, at);
      prepared(ctx.db, 'UPDATE instructions SET last_step_at = max(last_step_at, ?) WHERE id = ?').run(at, id);
      audit(ctx, 'step', 'instruction', id, null, { kind: input.kind, text: input.text, at });
      changedFollowup(ctx, getInstruction(ctx.db, id));
    }
    return getInstruction(ctx.db, i.id);
  },
  'followups.close': (input, ctx) => {
    const i = visibleInstruction(ctx, input.instructionId);
    if (i.status === 'cancelled') throw fail.conflict('followup.cancelled', {}, 'instructionId');
    if (i.status === 'closed') throw fail.conflict('followup.closed', {}, 'instructionId');
    if (input.outcome === 'not_possible') {
      if (input.reasonId === null) throw fail.invalid('followup.reasonRequired', 'reasonId');
      if (!activeItemExists(ctx.db, 'outcomeReasons', input.reasonId)) throw fail.invalid('followup.reasonNotFound', 'reasonId');
    }
    if (input.deliveredToman !== null && input.deliveredToman > 0 && input.funder === null) throw fail.invalid('followup.funderRequired', 'funder');
    const delivered = input.deliveredToman === null ? null : input.deliveredToman * 10;
    for (const id of withShared(ctx, i.id)) {
      const before = getInstruction(ctx.db, id);
      prepared(ctx.db, 
          `UPDATE instructions SET status = 'closed', outcome = ?, outcome_reason_id = ?, outcome_note = ?, delivered_rials = ?,
             delivered_funder = ?, closed_at = ?, closed_by = ?, last_step_at = ? WHERE id = ?`,
        )
        .run(
          input.outcome,
          input.outcome === 'not_possible' ? input.reasonId : null,
          input.note,
          delivered,
          delivered === null ? null : input.funder,
          ctx.now,
          me(ctx).userId,
          ctx.now,
          id,
        );
      addStepRow(ctx, id, 'result', input.note, ctx.now);
      const after = getInstruction(ctx.db, id);
      audit(ctx, 'close', 'instruction', id, before, after);
      enqueueMessage(ctx, after, 'closed');
      changedFollowup(ctx, after);
    }
    return getInstruction(ctx.db, i.id);
  },
  'followups.reopen': (input, ctx) => {
    const i = visibleInstruction(ctx, input.instructionId);
    if (i.status !== 'closed') throw fail.conflict(i.status === 'cancelled' ? 'followup.cancelled' : 'followup.notClosed', {}, 'instructionId');
    for (const id of withShared(ctx, i.id)) {
      const before = getInstruction(ctx.db, id);
      prepared(ctx.db, 
          `UPDATE instructions SET status = 'open', outcome = NULL, outcome_reason_id = NULL, outcome_note = '', delivered_rials = NULL,
             delivered_funder = NULL, closed_at = NULL, closed_by = NULL, last_step_at = ? WHERE id = ?`,
        )
        .run(ctx.now, id);
      addStepRow(ctx, id, 'reopen', input.reason, ctx.now);
      const after = getInstruction(ctx.db, id);
      audit(ctx, 'reopen', 'instruction', id, before, after);
      changedFollowup(ctx, after);
    }
    return getInstruction(ctx.db, i.id);
  },
  'followups.daily': (input, ctx) => {
    const date = input.date ?? tehranDate(new Date(ctx.now));
    const stale = staleBefore(ctx);
    const total = prepared(ctx.db, 
        `SELECT count(*) AS open,
           coalesce(sum(due_date = ?), 0) AS due_today,
           coalesce(sum(due_date < ?), 0) AS overdue,
           coalesce(sum(kind IN ('unit', 'agency') AND last_step_at < ?), 0) AS stale
         FROM instructions WHERE status = 'open'`,
      )
      .get(date, date, stale) as { open: number; due_today: number; overdue: number; stale: number };
    const per = (column: 'unit_id' | 'agency_id', table: 'units' | 'agencies'): FollowupCounts[] =>
      (
        prepared(ctx.db, 
            `SELECT t.id, t.name, count(*) AS open, coalesce(sum(i.due_date < ?), 0) AS overdue,
               coalesce(sum(i.last_step_at < ?), 0) AS stale
             FROM instructions i JOIN ${table} t ON t.id = i.${column}
             WHERE i.status = 'open' GROUP BY t.id ORDER BY overdue DESC, stale DESC, open DESC, t.sort`,
          )
          .all(date, stale) as FollowupCounts[]
      ).map((r) => ({ id: r.id, name: r.name, open: r.open, overdue: r.overdue, stale: r.stale }));
    const daily: DailyFollowup = {
      date,
      openTotal: total.open,
      dueToday: total.due_today,
      overdue: total.overdue,
      stale: total.stale,
      byUnit: per('unit_id', 'units'),
      byAgency: per('agency_id', 'agencies'),
    };
    return daily;
  },
  'outbox.list': (input, ctx) => {
    const rows = (
      prepared(ctx.db, 
          `SELECT o.*, cl.first_name, cl.last_name FROM outbox o JOIN clients cl ON cl.id = o.client_id
           ${input.status ? 'WHERE o.status = ?' : ''} ORDER BY o.created_at DESC LIMIT ?`,
        )
        .all(...(input.status ? [input.status, input.limit] : [input.limit])) as {
        id: string;
        first_name: string;
        last_name: string;
        mobile: string;
        kind: OutboxRow['kind'];
        text: string;
        status: OutboxRow['status'];
        attempts: number;
        last_error: string;
        created_at: string;
        sent_at: string | null;
      }[]
    ).map(
      (r): OutboxRow => ({
        id: r.id,
        clientName: `${r.first_name} ${r.last_name}`,
        mobile: r.mobile,
        kind: r.kind,
        text: r.text,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      }),
    );
    return { gatewayConfigured: readSettings(ctx.db).smsGateway.url !== '', rows };
  },
} satisfies HandlersOf<typeof followupContract>;
