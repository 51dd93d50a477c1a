import type { Actor, Circumstance } from '../../contract';
import { CAMPAIGN_MANAGERS, type Campaign, type CampaignCaller, type CallerKind, type TargetStatus, type WorklistItem } from '../../contract/campaigns';
import type { Db } from '../../db/open';
import { AppError, fail } from '../errors';

interface CampaignDbRow {
  id: string;
  meeting_id: string;
  meeting_status: Campaign['meetingStatus'];
  title: string;
  from_date: string;
  to_date: string;
  county_ids: string;
  circumstances: string;
  status: Campaign['status'];
  drawn_at: string | null;
  created_at: string;
}

/** The campaign's row; `not_found` when there is none. */
export function campaignRow(db: Db, campaignId: string, field = 'campaignId'): CampaignDbRow {
  const row = db
    .prepare(
      `SELECT c.id, c.meeting_id, m.status AS meeting_status, c.title, c.from_date, c.to_date, c.county_ids, c.circumstances, c.status, c.drawn_at, c.created_at
       FROM campaigns c JOIN meetings m ON m.id = c.meeting_id WHERE c.id = ?`,
    )
    .get(campaignId) as CampaignDbRow | undefined;
  if (!row) throw fail.notFound('campaign.notFound', field);
  return row;
}

export function isManager(actor: Actor): boolean {
  return CAMPAIGN_MANAGERS.includes(actor.role);
}

/** The signed-in user's kind in the campaign, or null when they are not one of its callers. */
export function callerKindOf(db: Db, campaignId: string, userId: string): CallerKind | null {
  const row = db.prepare('SELECT caller_kind FROM campaign_callers WHERE campaign_id = ? AND user_id = ?').get(campaignId, userId) as
    | { caller_kind: CallerKind }
    | undefined;
  return row?.caller_kind ?? null;
}

export function forbidden(): AppError {
  return new AppError('forbidden', 'campaign.notCaller');
}

function callersOf(db: Db, campaignId: string): CampaignCaller[] {
  const rows = db
    .prepare(
      `SELECT cc.user_id, u.display_name, u.role, cc.caller_kind,
         (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = cc.campaign_id AND t.caller_id = cc.user_id) AS targets,
         (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = cc.campaign_id AND t.caller_id = cc.user_id AND t.status IN ('pending', 'call_back')) AS open,
         (SELECT count(*) FROM campaign_calls k WHERE k.campaign_id = cc.campaign_id AND k.caller_id = cc.user_id) AS calls
       FROM campaign_callers cc JOIN users u ON u.id = cc.user_id
       WHERE cc.campaign_id = ?
       ORDER BY CASE cc.caller_kind WHEN 'state_social_worker' THEN 0 WHEN 'private_social_worker' THEN 1 ELSE 2 END, u.display_name, u.id`,
    )
    .all(campaignId) as { user_id: string; display_name: string; role: CampaignCaller['role']; caller_kind: CallerKind; targets: number; open: number; calls: number }[];
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, kind: r.caller_kind, targets: r.targets, open: r.open, calls: r.calls }));
}

export function toCampaign(db: Db, row: CampaignDbRow, actor: Actor): Campaign {
  const counts = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'reached'), 0) AS reached,
         coalesce(sum(status = 'not_reached'), 0) AS not_reached, coalesce(sum(status = 'call_back'), 0) AS call_back
       FROM campaign_targets WHERE campaign_id = ?`,
    )
    .get(row.id) as { total: number; pending: number; reached: number; not_reached: number; call_back: number };
  const calls = (db.prepare('SELECT count(*) AS n FROM campaign_calls WHERE campaign_id = ?').get(row.id) as { n: number }).n;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingStatus: row.meeting_status,
    title: row.title,
    fromDate: row.from_date,
    toDate: row.to_date,
    countyIds: JSON.parse(row.county_ids) as string[],
    circumstances: JSON.parse(row.circumstances) as Circumstance[],
    status: row.status,
    drawnAt: row.drawn_at,
    createdAt: row.created_at,
    targets: { total: counts.total, pending: counts.pending, reached: counts.reached, notReached: counts.not_reached, callBack: counts.call_back },
    calls,
    callers: callersOf(db, row.id),
    myKind: callerKindOf(db, row.id, actor.userId),
    canManage: isManager(actor),
  };
}

export function getCampaign(db: Db, campaignId: string, actor: Actor): Campaign {
  return toCampaign(db, campaignRow(db, campaignId), actor);
}

interface TargetDbRow {
  id: string;
  campaign_id: string;
  client_id: string;
  first_name: string;
  last_name: string;
  national_id: string;
  mobile: string;
  county_id: string;
  county_name: string;
  status: TargetStatus;
  attempts: number;
  last_call_at: string | null;
  callback_on: string | null;
  caller_id: string | null;
  caller_name: string | null;
  last_note: string | null;
}

export const SELECT_TARGETS = `
  SELECT t.id, t.campaign_id, t.client_id, c.first_name, c.last_name, c.national_id, c.mobile, t.county_id, co.name AS county_name,
    t.status, t.attempts, t.last_call_at, t.callback_on, t.caller_id, u.display_name AS caller_name,
    (SELECT k.note FROM campaign_calls k WHERE k.target_id = t.id ORDER BY k.at DESC, k.id DESC LIMIT 1) AS last_note
  FROM campaign_targets t
  JOIN clients c ON c.id = t.client_id
  JOIN counties co ON co.id = t.county_id
  LEFT JOIN users u ON u.id = t.caller_id`;

export function toWorklistItem(r: TargetDbRow): WorklistItem {
  return {
    targetId: r.id,
    campaignId: r.campaign_id,
    clientId: r.client_id,
    clientName: `${r.first_name} ${r.last_name}`,
    nationalId: r.national_id,
    mobile: r.mobile,
    countyId: r.county_id,
    countyName: r.county_name,
    status: r.status,
    attempts: r.attempts,
    lastCallAt: r.last_call_at,
    callbackOn: r.callback_on,
    callerId: r.caller_id,
    callerName: r.caller_name,
    lastNote: r.last_note ?? '',
  };
}

export function targetItem(db: Db, targetId: string): WorklistItem {
  const row = db.prepare(`${SELECT_TARGETS} WHERE t.id = ?`).get(targetId) as TargetDbRow | undefined;
  if (!row) throw fail.notFound('campaign.targetNotFound', 'targetId');
  return toWorklistItem(row);
}

/**
 * Open targets (pending or call back) of one caller, or of all when `callerId` is null: call-backs
 * due today or earlier first (oldest first; one with no day set is due the day after the call),
 * then the list in its drawn order, then call-backs not yet due.
 */
export function worklist(db: Db, campaignId: string, callerId: string | null, today: string, limit: number): { total: number; items: WorklistItem[] } {
  const where = `t.campaign_id = @campaignId AND t.status IN ('pending', 'call_back')${callerId ? ' AND t.caller_id = @callerId' : ''}`;
  const args = callerId ? { campaignId, callerId } : { campaignId };
  const total = (db.prepare(`SELECT count(*) AS n FROM campaign_targets t WHERE ${where}`).get(args) as { n: number }).n;
  const rows = db
    .prepare(
      `${SELECT_TARGETS} WHERE ${where}
       ORDER BY CASE WHEN t.status = 'pending' THEN 1
           WHEN coalesce(t.callback_on, date(t.last_call_at, '+210 minutes', '+1 day')) <= @today THEN 0 ELSE 2 END,
         CASE WHEN t.status = 'call_back' THEN coalesce(t.callback_on, '') ELSE '' END, t.position, t.id
       LIMIT @limit`,
    )
    .all({ ...args, today, limit }) as TargetDbRow[];
  return { total, items: rows.map(toWorklistItem) };
}
