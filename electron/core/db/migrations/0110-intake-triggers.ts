import { REPORT_TRIGGERS } from '../../reports/facts';

/**
 * Issue 9 (intake speed): the same counters, kept with fewer writes. No fact changes, so the
 * counters are not rebuilt; the triggers that changed are dropped and created again from this
 * version's definitions (reports/facts.ts):
 * - a visit's `prev_day` is written only where it changes (a returning client's earlier visits
 *   were rewritten, with their index entries, at each new visit);
 * - the insert trigger leaves a visit's report columns alone when the INSERT already set them
 *   (the intake does);
 * - a counter's change moves its month row once, by the difference, instead of taking the old
 *   count away and adding the new one (`report_month_update`); a counter whose keys change, which
 *   no writer does today, still goes through both (`report_month_move`).
 */
const CHANGED = ['report_visit_insert', 'report_visit_day', 'report_visit_delete', 'report_month_update', 'report_month_move'];

export default () =>
  [
    ...CHANGED.map((name) => `DROP TRIGGER IF EXISTS ${name};`),
    ...REPORT_TRIGGERS.filter((t) => CHANGED.includes(t.name)).map((t) => `${t.sql};`),
  ].join('\n');
