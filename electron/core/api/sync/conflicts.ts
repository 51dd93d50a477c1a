import type { SyncConflict } from '../../contract/sync';
import { audit, me, type Ctx } from '../context';
import { AppError, fail } from '../errors';
import { clientSearchText, differing, type Row } from './importSite';
import { CLIENT_FIELDS, quote, Schema } from './schema';

interface ConflictRow {
  id: string;
  import_id: string;
  site_name: string;
  entity: string;
  entity_id: string;
  kind: SyncConflict['kind'];
  detail: string;
  local: string;
  incoming: string;
  status: 'open' | 'resolved';
  resolution: 'local' | 'incoming' | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

const SELECT = `SELECT c.id, c.import_id, i.site_name, c.entity, c.entity_id, c.kind, c.detail, c.local, c.incoming, c.status, c.resolution,
  u.display_name AS resolved_by, c.resolved_at, c.created_at
  FROM sync_conflicts c JOIN sync_imports i ON i.id = c.import_id LEFT JOIN users u ON u.id = c.resolved_by`;

/** Columns that differ between sides without saying anything about the record. */
const BOOKKEEPING = new Set(['created_at', 'created_by', 'updated_at', 'search_text']);

function titleOf(entity: string, row: Row, entityId: string): string {
  const s = (k: string) => (row[k] === null || row[k] === undefined ? '' : String(row[k]));
  switch (entity) {
    case 'clients':
      return `${s('first_name')} ${s('last_name')} (${s('national_id')})`;
    case 'instructions':
      return s('tracking_code') || entityId;
    case 'meetings':
      return s('title');
    case 'visits':
      return s('ticket');
    default:
      return entityId;
  }
}

function toConflict(r: ConflictRow): SyncConflict {
  const local = JSON.parse(r.local) as Row;
  const incoming = JSON.parse(r.incoming) as Row;
  const columns = [...new Set([...Object.keys(local), ...Object.keys(incoming)])].filter((c) => !BOOKKEEPING.has(c) && !(r.entity === 'clients' && c === 'id'));
  const differences = r.kind === 'not_inserted' ? [] : columns.filter((c) => c in local && c in incoming && local[c] !== incoming[c]);
  return {
    id: r.id,
    importId: r.import_id,
    siteName: r.site_name,
    entity: r.entity,
    entityId: r.entity_id,
    kind: r.kind,
    detail: r.detail,
    title: titleOf(r.entity, r.kind === 'not_inserted' || Object.keys(local).length === 0 ? incoming : local, r.entity_id),
    local,
    incoming,
    differences,
    status: r.status,
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
  };
}

export function listConflicts(ctx: Ctx, status: 'open' | 'all', limit: number): { open: number; items: SyncConflict[] } {
  const rows = ctx.db
    .prepare(`${SELECT} ${status === 'open' ? "WHERE c.status = 'open'" : ''} ORDER BY c.status = 'open' DESC, c.created_at DESC, c.id LIMIT ?`)
    .all(limit) as ConflictRow[];
  const open = (ctx.db.prepare("SELECT count(*) AS n FROM sync_conflicts WHERE status = 'open'").get() as { n: number }).n;
  return { open, items: rows.map(toConflict) };
}

function constraintError(e: unknown): AppError | null {
  if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('conflict', 'sync.applyFailed', undefined, { detail: e.message });
  }
  return null;
}

/**
 * A person's decision: keep ours (nothing changes) or take the incoming version (ours is
 * updated from it — or, for a record that could not be added, it is added now). Both versions
 * stay in the conflict row; the change is audited.
 */
export function resolveConflict(ctx: Ctx, conflictId: string, keep: 'local' | 'incoming'): SyncConflict {
  const actor = me(ctx);
  const db = ctx.db;
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(conflictId) as ConflictRow | undefined;
  if (!row) throw fail.notFound('sync.conflictNotFound', 'conflictId');
  if (row.status === 'resolved') throw fail.conflict('sync.conflictResolved');
  if (row.kind === 'tracking_code' && keep === 'incoming') throw fail.invalid('sync.trackingKeepLocal', 'keep');

  if (keep === 'incoming') {
    const incoming = JSON.parse(row.incoming) as Row;
    const schema = new Schema(db);
    const info = schema.table(row.entity);
    if (!info) throw fail.notFound('sync.recordGone');
    try {
      if (row.kind === 'not_inserted') {
        const cols = Object.keys(incoming);
        db.prepare(`INSERT INTO ${quote(row.entity)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => incoming[c]));
        audit(ctx, 'sync.resolve', row.entity, row.entity_id, null, incoming);
      } else {
        const localKey: Row = {};
        if (row.entity === 'clients') localKey.id = row.entity_id;
        else for (const k of info.key) localKey[k] = incoming[k] ?? null;
        const where = Object.keys(localKey).map((k) => `${quote(k)} = ?`).join(' AND ');
        const current = db.prepare(`SELECT * FROM ${quote(row.entity)} WHERE ${where}`).get(...Object.values(localKey)) as Row | undefined;
        if (!current) throw fail.notFound('sync.recordGone');
        let changes: Row;
        if (row.entity === 'clients') {
          changes = {};
          for (const c of CLIENT_FIELDS) if (c in incoming) changes[c] = incoming[c] ?? null;
          changes.search_text = clientSearchText({ ...current, ...changes });
          changes.updated_at = ctx.now;
        } else {
          changes = {};
          const local = new Set(info.columns.map((c) => c.name));
          for (const [c, v] of Object.entries(incoming)) if (local.has(c) && !info.key.includes(c)) changes[c] = v;
        }
        const cols = differing(current, changes, Object.keys(changes));
        if (cols.length > 0) {
          db.prepare(`UPDATE ${quote(row.entity)} SET ${cols.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${where}`).run(
            ...cols.map((c) => changes[c]),
            ...Object.values(localKey),
          );
        }
        audit(ctx, 'sync.resolve', row.entity, row.entity_id, current, { ...current, ...changes });
      }
    } catch (e) {
      throw constraintError(e) ?? e;
    }
  } else {
    audit(ctx, 'sync.resolve', row.entity, row.entity_id, null, { conflictId, keep });
  }
  db.prepare("UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?").run(keep, actor.userId, ctx.now, conflictId);
  ctx.emit('sync.changed', {});
  return toConflict(db.prepare(`${SELECT} WHERE c.id = ?`).get(conflictId) as ConflictRow);
}
