import { CALLER_KINDS, type CampaignCounts, type CampaignReport } from '../../contract/campaigns';
import type { Db } from '../../db/open';

const COUNTS = `count(*) AS calls, coalesce(sum(result = 'reached'), 0) AS reached, coalesce(sum(result = 'not_reached'), 0) AS notReached,
  coalesce(sum(result = 'call_back'), 0) AS callBack, coalesce(sum(requests), 0) AS requests`;

const zero = (): CampaignCounts => ({ calls: 0, reached: 0, notReached: 0, callBack: 0, requests: 0 });

function add(into: CampaignCounts, part: CampaignCounts): CampaignCounts {
  into.calls += part.calls;
  into.reached += part.reached;
  into.notReached += part.notReached;
  into.callBack += part.callBack;
  into.requests += part.requests;
  return into;
}

function counts(r: CampaignCounts): CampaignCounts {
  return { calls: r.calls, reached: r.reached, notReached: r.notReached, callBack: r.callBack, requests: r.requests };
}

/** Sums rows by a key, in the order the keys are given. */
function sumBy<R extends CampaignCounts, K extends string>(rows: readonly R[], keyOf: (r: R) => K, keys: readonly K[]): Map<K, CampaignCounts> {
  const out = new Map<K, CampaignCounts>(keys.map((k) => [k, zero()]));
  for (const r of rows) {
    const k = keyOf(r);
    out.set(k, add(out.get(k) ?? zero(), counts(r)));
  }
  return out;
}

/**
 * The campaign's counts from its calls. Every total is summed from the cells (never counted
 * apart), so the parts always add up; the county table and the kind table count the same
 * calls, grouped two ways, so their totals are equal.
 */
export function campaignReport(db: Db, campaignId: string, countyIdsJson: string): CampaignReport {
  const byCounty = db
    .prepare(`SELECT day, county_id AS countyId, ${COUNTS} FROM campaign_calls WHERE campaign_id = ? GROUP BY day, county_id ORDER BY day, county_id`)
    .all(campaignId) as CampaignReport['byCounty'];
  const byKind = (
    db.prepare(`SELECT day, caller_kind AS kind, ${COUNTS} FROM campaign_calls WHERE campaign_id = ? GROUP BY day, caller_kind ORDER BY day`).all(campaignId) as CampaignReport['byKind']
  ).sort((a, b) => (a.day === b.day ? CALLER_KINDS.indexOf(a.kind) - CALLER_KINDS.indexOf(b.kind) : a.day < b.day ? -1 : 1));
  const byCaller = db
    .prepare(
      `SELECT k.caller_id AS userId, u.display_name AS displayName, k.caller_kind AS kind, ${COUNTS}
       FROM campaign_calls k JOIN users u ON u.id = k.caller_id WHERE k.campaign_id = ?
       GROUP BY k.caller_id, k.caller_kind ORDER BY u.display_name, k.caller_id`,
    )
    .all(campaignId) as CampaignReport['byCaller'];
  const counties = db
    .prepare(
      `SELECT co.id, co.name FROM counties co
       WHERE co.id IN (SELECT value FROM json_each(@counties))
          OR co.id IN (SELECT county_id FROM campaign_targets WHERE campaign_id = @campaignId)
          OR co.id IN (SELECT county_id FROM campaign_calls WHERE campaign_id = @campaignId)
       ORDER BY co.sort, co.name`,
    )
    .all({ campaignId, counties: countyIdsJson }) as { id: string; name: string }[];
  const days = [...new Set(byCounty.map((r) => r.day))].sort();
  const dayTotals = sumBy(byCounty, (r) => r.day, days);
  const countyTotals = sumBy(byCounty, (r) => r.countyId, counties.map((c) => c.id));
  const kindTotals = sumBy(byKind, (r) => r.kind, CALLER_KINDS);
  const total = [...countyTotals.values()].reduce((t, c) => add(t, c), zero());
  return {
    campaignId,
    days,
    counties,
    kinds: [...CALLER_KINDS],
    byCounty,
    byKind,
    dayTotals: days.map((day) => ({ day, ...dayTotals.get(day)! })),
    countyTotals: counties.map((c) => ({ countyId: c.id, ...countyTotals.get(c.id)! })),
    kindTotals: CALLER_KINDS.map((kind) => ({ kind, ...kindTotals.get(kind)! })),
    byCaller,
    total,
  };
}
