import type { SyncExport } from '../../contract/sync';
import { readSettings } from '../settingsStore';
import { fail } from '../errors';
import type { Ctx } from '../context';
import { me } from '../context';
import { writeSiteFile, type Cell, type TableData } from './format';
import { FILE_TABLES, LIST_TABLES, quote, Schema } from './schema';

/**
 * A site's export: the chosen meetings and everything that hangs on them — queue calls, the
 * agencies at the table, visits, requests, instructions, follow-up steps, the shared issues
 * they are joined to, the clients, the users and list items they reference (users without
 * their password hashes). Every table's columns are read from the schema at run time.
 */
export function exportSite(ctx: Ctx, meetingIds: string[], siteNameInput: string): SyncExport {
  const actor = me(ctx);
  const db = ctx.db;
  const schema = new Schema(db);
  const ids = [...new Set(meetingIds)];
  const found = (db.prepare('SELECT count(*) AS n FROM meetings WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(ids)) as { n: number }).n;
  if (found !== ids.length) throw fail.notFound('sync.meetingNotFound', 'meetingIds');

  const data: Record<string, TableData> = {};
  const select = (table: string, column: string, values: Iterable<string>): void => {
    const info = schema.table(table);
    if (!info) return;
    const columns = schema.exportColumns(table);
    const list = [...new Set(values)];
    const rows =
      list.length === 0
        ? []
        : (db
            .prepare(
              `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE ${quote(column)} IN (SELECT value FROM json_each(?)) ORDER BY ${info.key.map(quote).join(', ')}`,
            )
            .raw()
            .all(JSON.stringify(list)) as Cell[][]);
    data[table] = { columns, rows };
  };
  const column = (table: string, name: string): string[] => {
    const t = data[table];
    if (!t) return [];
    const i = t.columns.indexOf(name);
    return i < 0 ? [] : t.rows.map((r) => r[i]).filter((v): v is string => typeof v === 'string');
  };
  /** Ids that the exported rows of `tables` reference in `target`, found by the schema's foreign keys. */
  const referenced = (target: string, tables: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (const table of tables) {
      const info = schema.table(table);
      if (!info || !data[table]) continue;
      for (const [col, to] of info.refs) if (to === target) for (const v of column(table, col)) out.add(v);
    }
    return out;
  };

  select('meetings', 'id', ids);
  select('meeting_agencies', 'meeting_id', ids);
  select('visits', 'meeting_id', ids);
  select('calls', 'meeting_id', ids);
  const visitIds = column('visits', 'id');
  select('requests', 'visit_id', visitIds);
  select('instructions', 'visit_id', visitIds);
  select('follow_ups', 'instruction_id', column('instructions', 'id'));
  const records = ['meetings', 'meeting_agencies', 'visits', 'calls', 'requests', 'instructions', 'follow_ups'];
  select('shared_issues', 'id', referenced('shared_issues', records));
  records.push('shared_issues');
  select('clients', 'id', referenced('clients', records));
  records.push('clients');
  select('users', 'id', referenced('users', records));
  records.push('users');
  for (const list of LIST_TABLES) select(list, 'id', referenced(list, records));

  const ordered: Record<string, TableData> = {};
  for (const table of FILE_TABLES) if (data[table]) ordered[table] = data[table];

  const settings = readSettings(db);
  const siteName = siteNameInput || settings.directorateName;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const { text } = writeSiteFile(
    { directorateName: settings.directorateName, siteName, exportedAt: ctx.now, exportedBy: actor.displayName, schemaVersion: userVersion },
    ordered,
  );
  const dates = db.prepare('SELECT min(date) AS d FROM meetings WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(ids)) as { d: string };
  const stamp = ctx.now.replace(/[-:]/g, '').slice(0, 15);
  const counts: Record<string, number> = {};
  for (const [table, t] of Object.entries(ordered)) counts[table] = t.rows.length;
  return { fileName: `didar-site-${dates.d}-${stamp}.json`, content: text, counts, siteName };
}
