import { CALLER_ROLES, campaignsContract, type CallerKind, type CampaignCall } from '../contract/campaigns';
import { queueContract } from '../contract/queue';
import type { Ticket } from '../contract';
import { newId } from '../domain/ids';
import { tehranDate } from '../domain/time';
import { shareTargets } from './campaigns/draw';
import { campaignReport } from './campaigns/report';
import { callerKindOf, campaignRow, forbidden, getCampaign, isManager, targetItem, toCampaign, worklist } from './campaigns/store';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { AppError, fail } from './errors';
import { activeItemExists } from './lists';
import { CAMPAIGN_MEETING_PLACE } from './messages/campaigns';
import { queueHandlers } from './queue';

/**
 * Issue 7: the phone outreach campaign. A campaign opens its own meeting (kind
 * 'phone_outreach'); a reached call's requests are registered there as a visit through the
 * queue's own `visits.register`, so the official instructs them at the desk like any other.
 */

function today(ctx: Ctx): string {
  return tehranDate(new Date(ctx.now));
}

function openCampaign(ctx: Ctx, campaignId: string, field = 'campaignId') {
  const row = campaignRow(ctx.db, campaignId, field);
  if (row.status === 'closed') throw fail.conflict('campaign.closed', {}, field);
  return row;
}

/** The visit for a reached call's requests, registered by the queue's own handler (same checks, same counters). */
function registerRequests(ctx: Ctx, meetingId: string, clientId: string, requests: readonly { categoryId: string; text: string }[]): Ticket | null {
  if (requests.length === 0) return null;
  const parsed = queueContract['visits.register'].input.safeParse({ meetingId, clientId, requests: requests.map((r) => ({ categoryId: r.categoryId, text: r.text })) });
  if (!parsed.success) throw new Error(`campaigns: visits.register refused input already checked: ${parsed.error.message}`);
  return queueHandlers['visits.register'](parsed.data, ctx);
}

export const campaignsHandlers = {
  'campaigns.list': (_input, ctx) => {
    const actor = me(ctx);
    const ids = ctx.db.prepare('SELECT id FROM campaigns ORDER BY from_date DESC, created_at DESC LIMIT 200').all() as { id: string }[];
    return ids.map((r) => getCampaign(ctx.db, r.id, actor));
  },
  'campaigns.get': (input, ctx) => getCampaign(ctx.db, input.campaignId, me(ctx)),
  'campaigns.staff': (_input, ctx) => {
    const rows = ctx.db
      .prepare(
        `SELECT id, display_name, role FROM users WHERE active = 1 AND role IN (SELECT value FROM json_each(?)) ORDER BY display_name, id`,
      )
      .all(JSON.stringify(CALLER_ROLES)) as { id: string; display_name: string; role: (typeof CALLER_ROLES)[number] }[];
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, role: r.role }));
  },
  'campaigns.create': (input, ctx) => {
    const actor = me(ctx);
    const countyIds = [...new Set(input.countyIds)];
    for (const countyId of countyIds) if (!activeItemExists(ctx.db, 'counties', countyId)) throw fail.invalid('county.notFound', 'countyIds');
    const circumstances = [...new Set(input.circumstances)];
    const meetingId = newId();
    ctx.db
      .prepare(
        `INSERT INTO meetings (id, kind, title, date, place, county_id, presiding, status, created_by, created_at, opened_at)
         VALUES (?, 'phone_outreach', ?, ?, ?, ?, '', 'open', ?, ?, ?)`,
      )
      .run(meetingId, input.title, input.from, CAMPAIGN_MEETING_PLACE, countyIds.length === 1 ? countyIds[0] : null, actor.userId, ctx.now, ctx.now);
    audit(ctx, 'create', 'meeting', meetingId, null, { kind: 'phone_outreach', title: input.title, date: input.from, status: 'open' });
    const id = newId();
    ctx.db
      .prepare(
        `INSERT INTO campaigns (id, meeting_id, title, from_date, to_date, county_ids, circumstances, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, meetingId, input.title, input.from, input.to, JSON.stringify(countyIds), JSON.stringify(circumstances), actor.userId, ctx.now);
    audit(ctx, 'create', 'campaign', id, null, { meetingId, title: input.title, from: input.from, to: input.to, countyIds, circumstances });
    ctx.emit('meetings.changed', { meetingId });
    ctx.emit('campaigns.changed', { campaignId: id });
    return getCampaign(ctx.db, id, actor);
  },
  'campaigns.setCallers': (input, ctx) => {
    const actor = me(ctx);
    const row = openCampaign(ctx, input.campaignId);
    const seen = new Set<string>();
    input.callers.forEach((c, i) => {
      if (seen.has(c.userId)) throw fail.invalid('campaign.callerTwice', `callers.${i}.userId`);
      seen.add(c.userId);
      const user = ctx.db.prepare('SELECT role, active FROM users WHERE id = ?').get(c.userId) as { role: string; active: number } | undefined;
      if (!user || user.active !== 1 || !(CALLER_ROLES as readonly string[]).includes(user.role)) throw fail.invalid('campaign.callerNotFound', `callers.${i}.userId`);
    });
    const before = ctx.db.prepare('SELECT user_id AS userId, caller_kind AS kind FROM campaign_callers WHERE campaign_id = ? ORDER BY user_id').all(row.id);
    const kept = JSON.stringify(input.callers.map((c) => c.userId));
    ctx.db.prepare('DELETE FROM campaign_callers WHERE campaign_id = ? AND user_id NOT IN (SELECT value FROM json_each(?))').run(row.id, kept);
    const upsert = ctx.db.prepare(
      `INSERT INTO campaign_callers (campaign_id, user_id, caller_kind, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (campaign_id, user_id) DO UPDATE SET caller_kind = excluded.caller_kind`,
    );
    for (const c of input.callers) upsert.run(row.id, c.userId, c.kind, ctx.now);
    const shared = row.drawn_at ? shareTargets(ctx.db, row.id, false) : { added: 0, reassigned: 0 };
    audit(ctx, 'setCallers', 'campaign', row.id, { callers: before }, { callers: input.callers, reassigned: shared.reassigned });
    ctx.emit('campaigns.changed', { campaignId: row.id });
    return { campaign: getCampaign(ctx.db, row.id, actor), ...shared };
  },
  'campaigns.draw': (input, ctx) => {
    const actor = me(ctx);
    const row = openCampaign(ctx, input.campaignId);
    const shared = shareTargets(ctx.db, row.id, true);
    ctx.db.prepare('UPDATE campaigns SET drawn_at = ? WHERE id = ?').run(ctx.now, row.id);
    const campaign = toCampaign(ctx.db, campaignRow(ctx.db, row.id), actor);
    audit(ctx, 'draw', 'campaign', row.id, { drawnAt: row.drawn_at }, { drawnAt: ctx.now, ...shared, targets: campaign.targets.total });
    ctx.emit('campaigns.changed', { campaignId: row.id });
    return { campaign, ...shared };
  },
  'campaigns.worklist': (input, ctx) => {
    const actor = me(ctx);
    const row = campaignRow(ctx.db, input.campaignId);
    const manager = isManager(actor);
    if (!manager && callerKindOf(ctx.db, row.id, actor.userId) === null) throw forbidden();
    // A caller sees their own list only; a manager sees all, or one caller's.
    const callerId = manager ? input.callerId : actor.userId;
    return worklist(ctx.db, row.id, callerId, today(ctx), input.limit);
  },
  'campaigns.recordCall': (input, ctx) => {
    const actor = me(ctx);
    const target = ctx.db.prepare('SELECT id, campaign_id, client_id, county_id, caller_id, status, visit_id FROM campaign_targets WHERE id = ?').get(input.targetId) as
      | { id: string; campaign_id: string; client_id: string; county_id: string; caller_id: string | null; status: string; visit_id: string | null }
      | undefined;
    if (!target) throw fail.notFound('campaign.targetNotFound', 'targetId');
    const campaign = openCampaign(ctx, target.campaign_id, 'targetId');
    // Who made the call: the signed-in caller; an admin who is not a caller records for the caller the client is assigned to.
    const myKind = callerKindOf(ctx.db, campaign.id, actor.userId);
    let callerId: string;
    let kind: CallerKind;
    if (myKind !== null) {
      if (target.caller_id !== actor.userId && actor.role !== 'admin') throw new AppError('forbidden', 'campaign.notYourTarget', 'targetId');
      callerId = actor.userId;
      kind = myKind;
    } else {
      if (actor.role !== 'admin') throw forbidden();
      const assignedKind = target.caller_id ? callerKindOf(ctx.db, campaign.id, target.caller_id) : null;
      if (!target.caller_id || assignedKind === null) throw fail.conflict('campaign.noCallers', {}, 'targetId');
      callerId = target.caller_id;
      kind = assignedKind;
    }
    if (target.status === 'reached') throw fail.conflict('campaign.targetReached', {}, 'targetId');
    if (input.result !== 'reached' && input.requests.length > 0) throw fail.invalid('campaign.requestsNeedReached', 'requests');
    if (input.callbackOn !== null && input.result !== 'call_back') throw fail.invalid('campaign.callbackOnlyForCallBack', 'callbackOn');
    if (input.callbackOn !== null && input.callbackOn < today(ctx)) throw fail.invalid('campaign.callbackPast', 'callbackOn');
    const ticket = registerRequests(ctx, campaign.meeting_id, target.client_id, input.requests);
    const call: CampaignCall = {
      id: newId(),
      targetId: target.id,
      callerId,
      callerKind: kind,
      countyId: target.county_id,
      at: ctx.now,
      day: today(ctx),
      result: input.result,
      note: input.note,
      requests: input.requests.length,
      visitId: ticket?.visitId ?? null,
    };
    ctx.db
      .prepare(
        `INSERT INTO campaign_calls (id, campaign_id, target_id, caller_id, caller_kind, county_id, at, day, result, note, requests, visit_id, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(call.id, campaign.id, target.id, callerId, kind, call.countyId, call.at, call.day, call.result, call.note, call.requests, call.visitId, actor.userId);
    ctx.db
      .prepare(
        `UPDATE campaign_targets SET status = ?, attempts = attempts + 1, last_call_at = ?, callback_on = ?, visit_id = coalesce(?, visit_id) WHERE id = ?`,
      )
      .run(input.result, ctx.now, input.result === 'call_back' ? input.callbackOn : null, call.visitId, target.id);
    audit(ctx, 'call', 'campaign_call', call.id, { targetStatus: target.status }, { ...call, requests: input.requests, recordedBy: actor.userId });
    ctx.emit('campaigns.changed', { campaignId: campaign.id });
    return { call, target: targetItem(ctx.db, target.id), ticket };
  },
  'campaigns.report': (input, ctx) => {
    const row = campaignRow(ctx.db, input.campaignId);
    return campaignReport(ctx.db, row.id, row.county_ids);
  },
} satisfies HandlersOf<typeof campaignsContract>;
