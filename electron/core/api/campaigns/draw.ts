import { CALLER_KINDS, type CallerKind } from '../../contract/campaigns';
import type { Db } from '../../db/open';
import { newId } from '../../domain/ids';
import { fail } from '../errors';

interface Caller {
  user_id: string;
  caller_kind: CallerKind;
}

/** The campaign's callers, grouped by kind in the kinds' order (each group in a stable order). */
function callersByKind(db: Db, campaignId: string): Map<CallerKind, string[]> {
  const rows = db
    .prepare(
      `SELECT cc.user_id, cc.caller_kind FROM campaign_callers cc JOIN users u ON u.id = cc.user_id
       WHERE cc.campaign_id = ? ORDER BY u.display_name, u.id`,
    )
    .all(campaignId) as Caller[];
  const groups = new Map<CallerKind, string[]>();
  for (const kind of CALLER_KINDS) {
    const ids = rows.filter((r) => r.caller_kind === kind).map((r) => r.user_id);
    if (ids.length > 0) groups.set(kind, ids);
  }
  return groups;
}

/**
 * Who calls the i-th open target: the kinds take turns (so each kind gets an equal share, of
 * every county, since the list is in county order), and within a kind its callers take turns.
 */
export function assignCaller(groups: Map<CallerKind, string[]>, i: number): string {
  const kinds = [...groups.keys()];
  const callers = groups.get(kinds[i % kinds.length]!)!;
  return callers[Math.floor(i / kinds.length) % callers.length]!;
}

/**
 * Clients of the chosen counties having any of the chosen circumstances (none chosen = all)
 * and a mobile number, in county order, then by name.
 */
function eligibleClients(db: Db, countyIdsJson: string, circumstancesJson: string): { id: string; county_id: string }[] {
  return db
    .prepare(
      `SELECT c.id, c.county_id FROM clients c JOIN counties co ON co.id = c.county_id
       WHERE c.mobile <> ''
         AND (json_array_length(@counties) = 0 OR c.county_id IN (SELECT value FROM json_each(@counties)))
         AND (json_array_length(@circumstances) = 0 OR EXISTS (SELECT 1 FROM json_each(c.circumstances) j WHERE j.value IN (SELECT value FROM json_each(@circumstances))))
       ORDER BY co.sort, co.name, c.last_name, c.first_name, c.id`,
    )
    .all({ counties: countyIdsJson, circumstances: circumstancesJson }) as { id: string; county_id: string }[];
}

/**
 * Shares the campaign's open work among its callers. With `addNew`, first draws the list:
 * matching clients not yet on it are added, and targets never called whose client no longer
 * matches are dropped. Targets already called stay with their caller (their calls are
 * history), except a call-back of someone no longer a caller; every other open target (never
 * called, or a removed caller's call-back) is shared anew.
 */
export function shareTargets(db: Db, campaignId: string, addNew: boolean): { added: number; reassigned: number } {
  const campaign = db.prepare('SELECT county_ids, circumstances FROM campaigns WHERE id = ?').get(campaignId) as { county_ids: string; circumstances: string };
  const groups = callersByKind(db, campaignId);
  if (groups.size === 0) {
    if (addNew) throw fail.conflict('campaign.noCallers', {}, 'callers');
    db.prepare(`UPDATE campaign_targets SET caller_id = NULL WHERE campaign_id = ? AND status IN ('pending', 'call_back')`).run(campaignId);
    return { added: 0, reassigned: 0 };
  }
  let added = 0;
  if (addNew) {
    const eligible = eligibleClients(db, campaign.county_ids, campaign.circumstances);
    const keepIds = new Set(eligible.map((c) => c.id));
    const stale = db.prepare(`SELECT id, client_id FROM campaign_targets WHERE campaign_id = ? AND status = 'pending' AND attempts = 0`).all(campaignId) as {
      id: string;
      client_id: string;
    }[];
    const drop = db.prepare('DELETE FROM campaign_targets WHERE id = ?');
    for (const t of stale) if (!keepIds.has(t.client_id)) drop.run(t.id);
    const { pos } = db.prepare('SELECT coalesce(max(position), 0) AS pos FROM campaign_targets WHERE campaign_id = ?').get(campaignId) as { pos: number };
    const insert = db.prepare(
      `INSERT INTO campaign_targets (id, campaign_id, client_id, county_id, position) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, client_id) DO NOTHING`,
    );
    for (const c of eligible) added += insert.run(newId(), campaignId, c.id, c.county_id, pos + added + 1).changes;
  }
  const open = db
    .prepare(
      `SELECT t.id, t.caller_id FROM campaign_targets t JOIN counties co ON co.id = t.county_id
       WHERE t.campaign_id = @campaignId AND (t.status = 'pending'
         OR (t.status = 'call_back' AND (t.caller_id IS NULL OR t.caller_id NOT IN (SELECT user_id FROM campaign_callers WHERE campaign_id = @campaignId))))
       ORDER BY co.sort, co.name, t.position, t.id`,
    )
    .all({ campaignId }) as { id: string; caller_id: string | null }[];
  const setCaller = db.prepare('UPDATE campaign_targets SET caller_id = ? WHERE id = ?');
  let reassigned = 0;
  open.forEach((t, i) => {
    const caller = assignCaller(groups, i);
    if (caller !== t.caller_id) {
      setCaller.run(caller, t.id);
      if (t.caller_id !== null) reassigned++;
    }
  });
  return { added, reassigned };
}
