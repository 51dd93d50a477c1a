import { LIST_KINDS, type ListItem, type ListKind, type Lists } from '../contract';
import { listsContract } from '../contract/lists';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { newId } from '../domain/ids';
import { audit, me, type HandlersOf } from './context';
import { fail } from './errors';
import { readSettings, writeSettings } from './settingsStore';

/** Table names by list kind; only these four names ever reach SQL. */
const TABLE: Record<ListKind, string> = {
  counties: 'counties',
  units: 'units',
  agencies: 'agencies',
  categories: 'categories',
  outcomeReasons: 'outcome_reasons',
};

interface ListDbRow {
  id: string;
  name: string;
  active: number;
  sort: number;
  room: string;
}
const toItem = (r: ListDbRow): ListItem => ({ id: r.id, name: r.name, active: r.active === 1, sort: r.sort, room: r.room });

/** Units and agencies have a room; the other lists read an empty one. */
const COLUMNS: Record<ListKind, string> = {
  counties: "id, name, active, sort, '' AS room",
  categories: "id, name, active, sort, '' AS room",
  outcomeReasons: "id, name, active, sort, '' AS room",
  units: 'id, name, active, sort, room',
  agencies: 'id, name, active, sort, room',
};
const hasRoom = (kind: ListKind) => kind === 'units' || kind === 'agencies';

export function readList(db: Db, kind: ListKind): ListItem[] {
  return (db.prepare(`SELECT ${COLUMNS[kind]} FROM ${TABLE[kind]} ORDER BY sort, name`).all() as ListDbRow[]).map(toItem);
}

/** Whether an active item of a list exists (used to check references before writing). */
export function activeItemExists(db: Db, kind: ListKind, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${TABLE[kind]} WHERE id = ? AND active = 1`).get(id) !== undefined;
}

export function insertListItem(db: Db, kind: ListKind, name: string, sort: number, now: string): string {
  const id = newId();
  db.prepare(`INSERT INTO ${TABLE[kind]} (id, name, active, sort, created_at) VALUES (?, ?, 1, ?, ?)`).run(id, name, sort, now);
  return id;
}

export const listsHandlers = {
  'lists.all': (_input, ctx) => Object.fromEntries(LIST_KINDS.map((k) => [k, readList(ctx.db, k)])) as Lists,
  'lists.save': (input, ctx) => {
    const table = TABLE[input.kind];
    const clash = ctx.db.prepare(`SELECT id FROM ${table} WHERE name = ? AND id <> ?`).get(input.name, input.id ?? '');
    if (clash) throw fail.conflict('list.duplicate', {}, 'name');
    let id = input.id;
    if (id) {
      const before = ctx.db.prepare(`SELECT ${COLUMNS[input.kind]} FROM ${table} WHERE id = ?`).get(id) as ListDbRow | undefined;
      if (!before) throw fail.notFound('list.notFound', 'id');
      ctx.db
        .prepare(`UPDATE ${table} SET name = ?, active = ?, sort = ? WHERE id = ?`)
        .run(input.name, input.active ? 1 : 0, input.sort ?? before.sort, id);
      audit(ctx, 'update', input.kind, id, toItem(before), input);
    } else {
      const max = (ctx.db.prepare(`SELECT coalesce(max(sort), 0) AS m FROM ${table}`).get() as { m: number }).m;
      id = insertListItem(ctx.db, input.kind, input.name, input.sort ?? max + 10, ctx.now);
      if (!input.active) ctx.db.prepare(`UPDATE ${table} SET active = 0 WHERE id = ?`).run(id);
      audit(ctx, 'create', input.kind, id, null, input);
    }
    if (hasRoom(input.kind)) ctx.db.prepare(`UPDATE ${table} SET room = ? WHERE id = ?`).run(input.room, id);
    ctx.emit('lists.changed', { kind: input.kind });
    return toItem(ctx.db.prepare(`SELECT ${COLUMNS[input.kind]} FROM ${table} WHERE id = ?`).get(id) as ListDbRow);
  },
  'settings.get': (_input, ctx) => {
    const settings = readSettings(ctx.db);
    // Only the admin sees the gateway's secret; others learn whether one is set.
    if (me(ctx).role !== 'admin' && settings.smsGateway.token) settings.smsGateway = { ...settings.smsGateway, token: '********' };
    return settings;
  },
  'settings.save': (input, ctx) => {
    const before = readSettings(ctx.db);
    writeSettings(ctx.db, input);
    const after = readSettings(ctx.db);
    audit(ctx, 'update', 'settings', 'settings', before, after);
    ctx.emit('lists.changed', { kind: 'settings' });
    return after;
  },
} satisfies HandlersOf<typeof listsContract>;
