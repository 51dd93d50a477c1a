import type { Instruction } from '../contract';
import {
  sharedIssuesContract,
  type SharedIssue,
  type SharedIssueDetail,
  type SharedIssueMember,
  type SharedIssueSuggestion,
} from '../contract/sharedIssues';
import type { Db } from '../db/open';
import { newId } from '../domain/ids';
import { normalizeForSearch } from '../domain/normalize';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { fail } from './errors';
import { SELECT_INSTRUCTIONS, getInstruction, insertInstruction, toInstruction, type InstructionDbRow } from './instructionStore';
import { activeItemExists } from './lists';
import { enqueueMessage } from './outboxStore';
import { checkFields } from './desk';

/**
 * Shared issues (networked problems, seed 003): one problem of a place that several clients'
 * requests are joined to. One instruction issued for the issue becomes one instruction row per
 * joined request (each with its own tracking code, all carrying `shared_issue_id`); follow-up
 * steps on any of them reach all of them (see `sharedSiblings`, used by followup.ts).
 */


interface IssueDbRow {
  id: string;
  title: string;
  county_id: string;
  county_name: string;
  place: string;
  category_id: string;
  category_name: string;
  description: string;
  status: SharedIssue['status'];
  created_by_name: string;
  created_at: string;
  closed_at: string | null;
  search_text: string;
  joined_count: number;
  open_count: number;
  waiting_count: number;
}

const SELECT_ISSUES = `
  SELECT s.*, co.name AS county_name, c.name AS category_name, u.display_name AS created_by_name,
    (SELECT count(*) FROM requests r WHERE r.shared_issue_id = s.id) AS joined_count,
    (SELECT count(*) FROM requests r JOIN instructions i ON i.request_id = r.id AND i.status = 'open'
      WHERE r.shared_issue_id = s.id) AS open_count,
    (SELECT count(*) FROM requests r JOIN visits v ON v.id = r.visit_id
      WHERE r.shared_issue_id = s.id AND v.status <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM instructions i WHERE i.request_id = r.id AND i.status <> 'cancelled')) AS waiting_count
  FROM shared_issues s
  JOIN counties co ON co.id = s.county_id
  JOIN categories c ON c.id = s.category_id
  JOIN users u ON u.id = s.created_by`;

const toIssue = (r: IssueDbRow): SharedIssue => ({
  id: r.id,
  title: r.title,
  countyId: r.county_id,
  countyName: r.county_name,
  place: r.place,
  categoryId: r.category_id,
  categoryName: r.category_name,
  description: r.description,
  status: r.status,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  joinedCount: r.joined_count,
  openCount: r.open_count,
  waitingCount: r.waiting_count,
});

function issueRow(db: Db, id: string, field = 'id'): IssueDbRow {
  const row = db.prepare(`${SELECT_ISSUES} WHERE s.id = ?`).get(id) as IssueDbRow | undefined;
  if (!row) throw fail.notFound('sharedIssue.notFound', field);
  return row;
}

/** The issue's shared instruction as issued: the latest live instruction carrying it. */
function templateInstruction(db: Db, sharedIssueId: string): InstructionDbRow | null {
  return (
    (db
      .prepare(`${SELECT_INSTRUCTIONS} WHERE i.shared_issue_id = ? AND i.status <> 'cancelled' ORDER BY i.issued_at DESC, i.id DESC LIMIT 1`)
      .get(sharedIssueId) as InstructionDbRow | undefined) ?? null
  );
}

export function sharedIssueDetail(db: Db, id: string, field = 'id'): SharedIssueDetail {
  const issue = toIssue(issueRow(db, id, field));
  const rows = db
    .prepare(
      `SELECT r.id AS request_id, r.text AS request_text, r.visit_id, cl.id AS client_id, cl.first_name, cl.last_name, cl.national_id,
         m.id AS meeting_id, m.title AS meeting_title, m.date AS meeting_date,
         i.id AS instruction_id, i.tracking_code, i.kind, i.status, i.outcome, i.shared_issue_id AS instruction_issue
       FROM requests r
       JOIN visits v ON v.id = r.visit_id
       JOIN clients cl ON cl.id = v.client_id
       JOIN meetings m ON m.id = v.meeting_id
       LEFT JOIN instructions i ON i.request_id = r.id AND i.status <> 'cancelled'
       WHERE r.shared_issue_id = ?
       ORDER BY m.date, v.registered_at, r.position`,
    )
    .all(id) as {
    request_id: string;
    request_text: string;
    visit_id: string;
    client_id: string;
    first_name: string;
    last_name: string;
    national_id: string;
    meeting_id: string;
    meeting_title: string;
    meeting_date: string;
    instruction_id: string | null;
    tracking_code: string | null;
    kind: Instruction['kind'] | null;
    status: Instruction['status'] | null;
    outcome: Instruction['outcome'];
    instruction_issue: string | null;
  }[];
  const members = rows.map(
    (r): SharedIssueMember => ({
      requestId: r.request_id,
      requestText: r.request_text,
      visitId: r.visit_id,
      clientId: r.client_id,
      clientName: `${r.first_name} ${r.last_name}`,
      nationalId: r.national_id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      meetingDate: r.meeting_date,
      instruction:
        r.instruction_id === null
          ? null
          : {
              id: r.instruction_id,
              trackingCode: r.tracking_code!,
              kind: r.kind!,
              status: r.status!,
              outcome: r.outcome,
              shared: r.instruction_issue === id,
            },
    }),
  );
  const template = templateInstruction(db, id);
  return { ...issue, members, instruction: template ? toInstruction(template) : null };
}

/** Words that tell nothing about a place or a problem. */
const STOP_WORDS = new Set(
  ['و', 'در', 'به', 'از', 'که', 'را', 'با', 'این', 'آن', 'برای', 'است', 'هست', 'نیست', 'ما', 'من', 'ها', 'های', 'یک', 'تا', 'هم', 'بر', 'شده', 'شد', 'می', 'خیابان', 'کوچه', 'روستای', 'محله'].map(
    normalizeForSearch,
  ),
);

function wordsOf(text: string): string[] {
  return [...new Set(normalizeForSearch(text).split(/[\s،,.;:()«»"'\-/]+/).filter((w) => w.length >= 2 && !STOP_WORDS.has(w)))];
}

/** Two words are alike when equal, or when one (of three letters or more) begins the other: گاز ~ گازرسانی. */
const alike = (a: string, b: string) => a === b || (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a)));

/** How closely some text matches an issue: a word of its place counts twice, a word of its title once. */
export function similarity(text: string, issue: { title: string; place: string; description?: string }): number {
  const words = wordsOf(text);
  if (words.length === 0) return 0;
  const place = wordsOf(issue.place);
  const title = wordsOf(issue.title);
  let score = 0;
  for (const w of words) {
    if (place.some((p) => alike(w, p))) score += 2;
    else if (title.some((t) => alike(w, t))) score += 1;
  }
  return score;
}

type InstructionValues = Omit<ReturnType<typeof checkFields>, 'at_table'> & {
  outcome?: Instruction['outcome'];
  outcome_reason_id?: string | null;
  outcome_note?: string;
  delivered_rials?: number | null;
  delivered_funder?: Instruction['deliveredFunder'];
};


/** Inserts one request's copy of the shared instruction, with its own tracking code; tells the client (outbox) and the screens. */
function insertSharedInstruction(ctx: Ctx, sharedIssueId: string, request: { id: string; visit_id: string; client_id: string }, v: InstructionValues): Instruction {
  const id = insertInstruction(ctx, {
    ...v,
    request_id: request.id,
    visit_id: request.visit_id,
    client_id: request.client_id,
    outcome: v.outcome ?? null,
    outcome_reason_id: v.outcome_reason_id ?? null,
    outcome_note: v.outcome_note ?? '',
    delivered_rials: v.delivered_rials ?? null,
    delivered_funder: v.delivered_funder ?? null,
    shared_issue_id: sharedIssueId,
  });
  const issued = getInstruction(ctx.db, id);
  audit(ctx, 'issue', 'instruction', id, null, { ...issued, sharedIssueId });
  enqueueMessage(ctx, issued, 'issued');
  ctx.emit('instructions.changed', { visitId: issued.visitId, instructionId: id, unitId: issued.unitId, agencyId: issued.agencyId });
  ctx.emit('followups.changed', { instructionId: id, unitId: issued.unitId, agencyId: issued.agencyId });
  return issued;
}

interface JoinRequestRow {
  id: string;
  visit_id: string;
  client_id: string;
  meeting_id: string;
  visit_status: string;
  shared_issue_id: string | null;
}

function requestForJoin(db: Db, requestId: string, field: string): JoinRequestRow {
  const row = db
    .prepare(
      `SELECT r.id, r.visit_id, v.client_id, v.meeting_id, v.status AS visit_status, r.shared_issue_id
       FROM requests r JOIN visits v ON v.id = r.visit_id WHERE r.id = ?`,
    )
    .get(requestId) as JoinRequestRow | undefined;
  if (!row) throw fail.notFound('request.notFound', field);
  return row;
}

/**
 * Joins a request to an open shared issue. When the issue already has a live shared
 * instruction and the request has none, the request gets the same instruction (its own row and
 * tracking code, in the instruction's present state). Used by `sharedIssues.join`,
 * `sharedIssues.create` and `visits.register` (`field` names the input that carried the issue).
 */
export function joinRequest(ctx: Ctx, requestId: string, sharedIssueId: string, field = 'sharedIssueId', requestField = 'requestId'): Instruction | null {
  const issue = ctx.db.prepare('SELECT id, status FROM shared_issues WHERE id = ?').get(sharedIssueId) as { id: string; status: string } | undefined;
  if (!issue) throw fail.notFound('sharedIssue.notFound', field);
  if (issue.status !== 'open') throw fail.conflict('sharedIssue.closed', {}, field);
  const request = requestForJoin(ctx.db, requestId, requestField);
  if (request.shared_issue_id === sharedIssueId) throw fail.conflict('sharedIssue.alreadyJoined', {}, requestField);
  if (request.shared_issue_id !== null) {
    const other = ctx.db.prepare('SELECT title FROM shared_issues WHERE id = ?').get(request.shared_issue_id) as { title: string };
    throw fail.conflict('sharedIssue.joinedElsewhere', { title: other.title }, requestField);
  }
  if (request.visit_status === 'cancelled') throw fail.conflict('sharedIssue.visitCancelled', {}, requestField);
  ctx.db.prepare('UPDATE requests SET shared_issue_id = ? WHERE id = ?').run(sharedIssueId, requestId);
  audit(ctx, 'join', 'request', requestId, { sharedIssueId: null }, { sharedIssueId });
  let issued: Instruction | null = null;
  const live = ctx.db.prepare(`SELECT 1 FROM instructions WHERE request_id = ? AND status <> 'cancelled'`).get(requestId);
  const template = live ? null : templateInstruction(ctx.db, sharedIssueId);
  if (template) {
    issued = insertSharedInstruction(ctx, sharedIssueId, request, {
      kind: template.kind,
      text: template.text,
      answer: template.answer,
      reason: template.reason,
      reviewer: template.reviewer,
      unit_id: template.unit_id,
      agency_id: template.agency_id,
      due_date: template.due_date,
      amount_rials: template.amount_rials,
      funder: template.funder,
      status: template.status === 'closed' ? 'closed' : 'open',
      outcome: template.outcome,
      outcome_reason_id: template.outcome_reason_id,
      outcome_note: template.outcome_note,
      delivered_rials: template.delivered_rials,
      delivered_funder: template.delivered_funder,
    });
  }
  ctx.emit('sharedIssues.changed', { sharedIssueId });
  ctx.emit('visits.changed', { visitId: request.visit_id, meetingId: request.meeting_id });
  return issued;
}

/**
 * The other live instructions of the same shared issue in the same state as this one, which a
 * follow-up step, a result or a reopening reaches too. Empty for an instruction of its own.
 */
export function sharedSiblings(db: Db, instructionId: string): string[] {
  return (
    db
      .prepare(
        `SELECT o.id FROM instructions i JOIN instructions o ON o.shared_issue_id = i.shared_issue_id AND o.status = i.status AND o.id <> i.id
         WHERE i.id = ? AND i.shared_issue_id IS NOT NULL ORDER BY o.issued_at, o.id`,
      )
      .all(instructionId) as { id: string }[]
  ).map((r) => r.id);
}

/** The shared issue an instruction carries, if any (for the `sharedIssues.changed` event). */
export function sharedIssueOf(db: Db, instructionId: string): string | null {
  const row = db.prepare('SELECT shared_issue_id FROM instructions WHERE id = ?').get(instructionId) as { shared_issue_id: string | null } | undefined;
  return row?.shared_issue_id ?? null;
}

function checkReferences(ctx: Ctx, input: { countyId: string; categoryId: string }, before?: { county_id: string; category_id: string }): void {
  // A county or category made inactive later may stay on an issue that already had it.
  if (input.countyId !== before?.county_id && !activeItemExists(ctx.db, 'counties', input.countyId)) throw fail.invalid('county.notFound', 'countyId');
  if (input.categoryId !== before?.category_id && !activeItemExists(ctx.db, 'categories', input.categoryId)) throw fail.invalid('category.notFound', 'categoryId');
}

const searchTextOf = (title: string, place: string) => normalizeForSearch(`${title} ${place}`);

export const sharedIssuesHandlers = {
  'sharedIssues.list': (input, ctx) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status !== 'all') {
      where.push('s.status = ?');
      params.push(input.status);
    }
    if (input.countyId) {
      where.push('s.county_id = ?');
      params.push(input.countyId);
    }
    if (input.categoryId) {
      where.push('s.category_id = ?');
      params.push(input.categoryId);
    }
    for (const w of normalizeForSearch(input.query).split(' ').filter(Boolean)) {
      where.push(`instr(s.search_text, ?) > 0`);
      params.push(w);
    }
    const rows = ctx.db
      .prepare(`${SELECT_ISSUES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.status = 'closed', s.created_at DESC LIMIT ?`)
      .all(...params, input.limit) as IssueDbRow[];
    return rows.map(toIssue);
  },
  'sharedIssues.get': (input, ctx) => sharedIssueDetail(ctx.db, input.id),
  'sharedIssues.create': (input, ctx) => {
    checkReferences(ctx, input);
    const id = newId();
    ctx.db
      .prepare(
        `INSERT INTO shared_issues (id, title, county_id, place, category_id, description, search_text, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(id, input.title, input.countyId, input.place, input.categoryId, input.description, searchTextOf(input.title, input.place), me(ctx).userId, ctx.now);
    audit(ctx, 'create', 'sharedIssue', id, null, { title: input.title, countyId: input.countyId, place: input.place, categoryId: input.categoryId, description: input.description });
    if (input.requestId) joinRequest(ctx, input.requestId, id, 'id', 'requestId');
    ctx.emit('sharedIssues.changed', { sharedIssueId: id });
    return sharedIssueDetail(ctx.db, id);
  },
  'sharedIssues.update': (input, ctx) => {
    const before = issueRow(ctx.db, input.id);
    checkReferences(ctx, input, before);
    const closedAt = input.status === 'closed' ? (before.closed_at ?? ctx.now) : null;
    ctx.db
      .prepare(
        `UPDATE shared_issues SET title = ?, county_id = ?, place = ?, category_id = ?, description = ?, search_text = ?, status = ?, closed_at = ?
         WHERE id = ?`,
      )
      .run(input.title, input.countyId, input.place, input.categoryId, input.description, searchTextOf(input.title, input.place), input.status, closedAt, input.id);
    const after = sharedIssueDetail(ctx.db, input.id);
    const { members: _m, instruction: _i, ...afterIssue } = after;
    audit(ctx, 'update', 'sharedIssue', input.id, toIssue(before), afterIssue);
    ctx.emit('sharedIssues.changed', { sharedIssueId: input.id });
    return after;
  },
  'sharedIssues.suggest': (input, ctx) => {
    const rows = ctx.db
      .prepare(`${SELECT_ISSUES} WHERE s.county_id = ? AND s.category_id = ? AND s.status = 'open' ORDER BY s.created_at DESC LIMIT 200`)
      .all(input.countyId, input.categoryId) as IssueDbRow[];
    const hasWords = wordsOf(input.text).length > 0;
    return rows
      .map((r): SharedIssueSuggestion => ({ ...toIssue(r), score: similarity(input.text, r) }))
      // With words to compare, only issues that share some; with none, every open issue of the place and category.
      .filter((s) => !hasWords || s.score > 0)
      .sort((a, b) => b.score - a.score || b.joinedCount - a.joinedCount)
      .slice(0, 5);
  },
  'sharedIssues.join': (input, ctx) => {
    joinRequest(ctx, input.requestId, input.sharedIssueId);
    return sharedIssueDetail(ctx.db, input.sharedIssueId, 'sharedIssueId');
  },
  'sharedIssues.leave': (input, ctx) => {
    const request = requestForJoin(ctx.db, input.requestId, 'requestId');
    const sharedIssueId = request.shared_issue_id;
    if (sharedIssueId === null) throw fail.conflict('sharedIssue.notJoined', {}, 'requestId');
    ctx.db.prepare('UPDATE requests SET shared_issue_id = NULL WHERE id = ?').run(request.id);
    // Its instruction stays the request's own, no longer moved by the others' follow-up.
    const own = ctx.db
      .prepare(`SELECT id, unit_id, agency_id FROM instructions WHERE request_id = ? AND shared_issue_id = ? AND status <> 'cancelled'`)
      .get(request.id, sharedIssueId) as { id: string; unit_id: string | null; agency_id: string | null } | undefined;
    if (own) {
      ctx.db.prepare('UPDATE instructions SET shared_issue_id = NULL WHERE id = ?').run(own.id);
      ctx.emit('instructions.changed', { visitId: request.visit_id, instructionId: own.id, unitId: own.unit_id, agencyId: own.agency_id });
    }
    audit(ctx, 'leave', 'request', request.id, { sharedIssueId }, { sharedIssueId: null, reason: input.reason, detachedInstruction: own?.id ?? null });
    ctx.emit('sharedIssues.changed', { sharedIssueId });
    ctx.emit('visits.changed', { visitId: request.visit_id, meetingId: request.meeting_id });
    return sharedIssueDetail(ctx.db, sharedIssueId, 'requestId');
  },
  'sharedIssues.issue': (input, ctx) => {
    const issue = issueRow(ctx.db, input.sharedIssueId, 'sharedIssueId');
    if (issue.status !== 'open') throw fail.conflict('sharedIssue.closed', {}, 'sharedIssueId');
    // The desk's own rules; a shared instruction is never handed at a table, so no meeting is named.
    const v = checkFields(ctx, { ...input.fields, atTable: false }, '');
    const waiting = ctx.db
      .prepare(
        `SELECT r.id, r.visit_id, v.client_id FROM requests r JOIN visits v ON v.id = r.visit_id
         WHERE r.shared_issue_id = ? AND v.status <> 'cancelled'
           AND NOT EXISTS (SELECT 1 FROM instructions i WHERE i.request_id = r.id AND i.status <> 'cancelled')
         ORDER BY v.registered_at, r.position`,
      )
      .all(issue.id) as { id: string; visit_id: string; client_id: string }[];
    if (waiting.length === 0) throw fail.conflict('sharedIssue.nothingToIssue', {}, 'sharedIssueId');
    const issued = waiting.map((r) => insertSharedInstruction(ctx, issue.id, r, v));
    audit(ctx, 'issue', 'sharedIssue', issue.id, null, { fields: input.fields, instructions: issued.map((i) => i.id) });
    ctx.emit('sharedIssues.changed', { sharedIssueId: issue.id });
    return { issued, detail: sharedIssueDetail(ctx.db, issue.id, 'sharedIssueId') };
  },
} satisfies HandlersOf<typeof sharedIssuesContract>;
