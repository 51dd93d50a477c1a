import type { SyncImport, SyncImportResult, SyncSummary, SyncTableCount } from '../../contract/sync';
import { newId } from '../../domain/ids';
import { normalizeForSearch } from '../../domain/normalize';
import { AppError } from '../errors';
import { audit, me, type Ctx } from '../context';
import { uniqueTrackingCode } from '../instructionStore';
import { canonical, readSiteFile, sha256, type Cell, type SiteFile } from './format';
import { CLIENT_FIELDS, EXCLUDED, LIST_TABLES, quote, RECORD_TABLES, Schema } from './schema';

export type Row = Record<string, Cell>;

/** Placeholder users of a site can never sign in: this is no scrypt hash. */
export const PLACEHOLDER_HASH = '!site-user:no-login';

interface ImportRow {
  id: string;
  checksum: string;
  format_version: number;
  site_name: string;
  exported_at: string;
  exported_by: string;
  file_name: string;
  imported_at: string;
  imported_by: string;
  summary: string;
}

export function toImport(row: ImportRow): SyncImport {
  return {
    id: row.id,
    checksum: row.checksum,
    formatVersion: row.format_version,
    siteName: row.site_name,
    exportedAt: row.exported_at,
    exportedBy: row.exported_by,
    fileName: row.file_name,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    summary: JSON.parse(row.summary) as SyncSummary,
  };
}

export const IMPORT_SELECT = `SELECT i.id, i.checksum, i.format_version, i.site_name, i.exported_at, i.exported_by, i.file_name, i.imported_at,
  u.display_name AS imported_by, i.summary FROM sync_imports i JOIN users u ON u.id = i.imported_by`;

/** The search text of a client, as clients.ts builds it. */
export function clientSearchText(row: Row): string {
  return normalizeForSearch([row.first_name, row.last_name, row.father_name, row.file_number].map((v) => String(v ?? '')).join(' '));
}

/** Whether two versions of a row hold the same values in `columns`. */
export function differing(local: Row, incoming: Row, columns: readonly string[]): string[] {
  return columns.filter((c) => c in incoming && (local[c] ?? null) !== (incoming[c] ?? null));
}

/**
 * The directorate's import of a site file, in the call's one transaction: nothing is ever
 * deleted or overwritten; a record held differently here is kept and both versions go to
 * `sync_conflicts`.
 */
export function importSite(ctx: Ctx, content: string, fileName: string): SyncImportResult {
  const actor = me(ctx);
  const file = readSiteFile(content, fileName);
  const db = ctx.db;
  const before = db.prepare(`${IMPORT_SELECT} WHERE i.checksum = ?`).get(file.checksum) as ImportRow | undefined;
  if (before) return { ...toImport(before), alreadyImported: true };

  const importId = newId();
  db.prepare(
    `INSERT INTO sync_imports (id, checksum, format_version, site_name, exported_at, exported_by, file_name, imported_at, imported_by, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
  ).run(importId, file.checksum, file.version, file.site.siteName, file.site.exportedAt, file.site.exportedBy, fileName, ctx.now, actor.userId);

  const run = new ImportRun(ctx, file, importId, fileName);
  const summary = run.all();
  db.prepare('UPDATE sync_imports SET summary = ? WHERE id = ?').run(JSON.stringify(summary), importId);
  audit(ctx, 'sync.import', 'sync_import', importId, null, { siteName: file.site.siteName, exportedAt: file.site.exportedAt, checksum: file.checksum, fileName, summary });
  ctx.emit('sync.changed', {});
  const row = db.prepare(`${IMPORT_SELECT} WHERE i.id = ?`).get(importId) as ImportRow;
  return { ...toImport(row), alreadyImported: false };
}

class ImportRun {
  private readonly schema: Schema;
  /** Referenced table → (the site's id → this database's id), where they differ. */
  private readonly maps = new Map<string, Map<string, string>>();
  private readonly counts = new Map<string, SyncTableCount>();
  private linked = 0;
  private recoded = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly file: SiteFile,
    private readonly importId: string,
    private readonly fileName: string,
  ) {
    this.schema = new Schema(ctx.db);
  }

  all(): SyncSummary {
    for (const table of LIST_TABLES) this.lists(table);
    this.users();
    this.clients();
    for (const table of RECORD_TABLES) this.records(table);
    const tables = [...this.counts.values()];
    return {
      tables,
      newTotal: tables.reduce((s, t) => s + t.new, 0),
      presentTotal: tables.reduce((s, t) => s + t.present, 0),
      conflictTotal: tables.reduce((s, t) => s + t.conflicts, 0),
      linkedClients: this.linked,
      recodedInstructions: this.recoded,
    };
  }

  // ---- helpers ------------------------------------------------------------------------------

  private count(table: string, what: 'new' | 'present' | 'conflicts'): void {
    let c = this.counts.get(table);
    if (!c) this.counts.set(table, (c = { table, new: 0, present: 0, conflicts: 0 }));
    c[what]++;
  }

  private map(table: string, siteId: string, localId: string): void {
    if (siteId === localId) return;
    let m = this.maps.get(table);
    if (!m) this.maps.set(table, (m = new Map()));
    m.set(siteId, localId);
  }

  private malformed(): AppError {
    return new AppError('invalid_input', 'sync.malformed', 'content', { file: this.fileName || 'بی‌نام' });
  }

  /**
   * The file's rows of a table as objects of the columns both sides have (the file's extra
   * columns, from a later program, are left out), references mapped to this database's ids.
   */
  private rowsOf(table: string, supplied: readonly string[] = []): { rows: Row[]; columns: string[] } | null {
    const data = this.file.data[table];
    const info = this.schema.table(table);
    if (!data || !info) return null;
    if (data.rows.length > 0) this.counts.set(table, { table, new: 0, present: 0, conflicts: 0 });
    const excluded = EXCLUDED[table] ?? [];
    const local = new Set(info.columns.map((c) => c.name));
    const columns = data.columns.filter((c) => local.has(c) && !excluded.includes(c));
    for (const c of info.columns) {
      const needed = (c.notNull && !c.hasDefault) || c.pk > 0;
      if (needed && !columns.includes(c.name) && !supplied.includes(c.name) && !excluded.includes(c.name)) throw this.malformed();
    }
    const rows = data.rows.map((cells) => {
      const row: Row = {};
      for (const c of columns) row[c] = cells[data.columns.indexOf(c)] ?? null;
      for (const [col, target] of info.refs) {
        const v = row[col];
        if (typeof v === 'string') row[col] = this.maps.get(target)?.get(v) ?? v;
      }
      return row;
    });
    return { rows, columns };
  }

  private insert(table: string, row: Row): void {
    const cols = Object.keys(row);
    this.ctx.db
      .prepare(`INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => row[c]));
  }

  private select(table: string, columns: readonly string[], key: Row): Row | undefined {
    const keys = Object.keys(key);
    return this.ctx.db
      .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE ${keys.map((k) => `${quote(k)} = ?`).join(' AND ')}`)
      .get(...keys.map((k) => key[k])) as Row | undefined;
  }

  /** Records both versions (once: the same incoming version is not recorded again). */
  private conflict(entity: string, entityId: string, kind: 'different' | 'tracking_code' | 'not_inserted', local: Row | null, incoming: Row, detail = ''): void {
    this.count(entity, 'conflicts');
    const hash = sha256(canonical({ kind, incoming }));
    const db = this.ctx.db;
    if (db.prepare('SELECT 1 FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND incoming_hash = ?').get(entity, entityId, hash)) return;
    db.prepare(
      `INSERT INTO sync_conflicts (id, import_id, entity, entity_id, kind, detail, local, incoming, incoming_hash, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
    ).run(newId(), this.importId, entity, entityId, kind, detail, JSON.stringify(local ?? {}), JSON.stringify(incoming), hash, this.ctx.now);
  }

  // ---- lists, users, clients ------------------------------------------------------------------

  /** A list item: by id, else by name (the site's id mapped to ours), else added. */
  private lists(table: string): void {
    const got = this.rowsOf(table);
    if (!got) return;
    for (const row of got.rows) {
      const siteId = String(row.id);
      if (this.select(table, ['id'], { id: siteId })) {
        this.count(table, 'present');
        continue;
      }
      const byName = this.select(table, ['id'], { name: row.name ?? '' });
      if (byName) {
        this.map(table, siteId, String(byName.id));
        this.count(table, 'present');
        continue;
      }
      this.insert(table, row);
      this.count(table, 'new');
    }
  }

  /** A user: by id, else an inactive placeholder with the site user's id, name and role that can never sign in. */
  private users(): void {
    const got = this.rowsOf('users', ['password_hash']);
    if (!got) return;
    const site = sha256(this.file.site.siteName).slice(0, 6);
    for (const row of got.rows) {
      if (this.select('users', ['id'], { id: String(row.id) })) {
        this.count('users', 'present');
        continue;
      }
      let username = `${String(row.username)}@site-${site}`;
      for (let n = 2; this.select('users', ['id'], { username }); n++) username = `${String(row.username)}@site-${site}-${n}`;
      this.insert('users', { ...row, username, password_hash: PLACEHOLDER_HASH, active: 0, updated_at: this.ctx.now });
      this.count('users', 'new');
    }
  }

  /**
   * A client: by id; else by an earlier link; else by national ID (the same person under
   * another id: linked); else added. A client held differently here is a conflict (ours kept).
   */
  private clients(): void {
    const got = this.rowsOf('clients', ['search_text']);
    if (!got) return;
    const db = this.ctx.db;
    const fields = CLIENT_FIELDS.filter((c) => got.columns.includes(c));
    for (const row of got.rows) {
      const siteId = String(row.id);
      let localId: string | null = this.select('clients', ['id'], { id: siteId }) ? siteId : null;
      if (!localId) {
        const link = db.prepare('SELECT client_id FROM sync_client_links WHERE site_client_id = ?').get(siteId) as { client_id: string } | undefined;
        localId = link?.client_id ?? null;
      }
      if (!localId) {
        const same = this.select('clients', ['id'], { national_id: row.national_id ?? '' });
        if (same) {
          localId = String(same.id);
          db.prepare('INSERT INTO sync_client_links (site_client_id, client_id, import_id, created_at) VALUES (?, ?, ?, ?)').run(siteId, localId, this.importId, this.ctx.now);
        }
      }
      if (!localId) {
        this.insert('clients', { ...row, search_text: clientSearchText(row) });
        this.count('clients', 'new');
        continue;
      }
      if (localId !== siteId) {
        this.map('clients', siteId, localId);
        this.linked++;
      }
      const local = this.select('clients', got.columns.filter((c) => c !== 'search_text'), { id: localId })!;
      if (differing(local, row, fields).length === 0) this.count('clients', 'present');
      else this.conflict('clients', localId, 'different', local, { ...row, search_text: clientSearchText(row) });
    }
  }

  // ---- the meeting day's records --------------------------------------------------------------

  /** A record: added when its key is absent; the same → nothing; different → a conflict (ours kept). */
  private records(table: string): void {
    const got = this.rowsOf(table);
    if (!got) return;
    const info = this.schema.table(table)!;
    const db = this.ctx.db;
    const others = got.columns.filter((c) => !info.key.includes(c));
    for (const row of got.rows) {
      const key: Row = {};
      for (const k of info.key) key[k] = row[k] ?? null;
      const entityId = info.key.map((k) => String(key[k])).join('|');
      const local = this.select(table, got.columns, key);
      if (local) {
        let compared = others;
        if (table === 'instructions') {
          const recoded = db.prepare("SELECT 1 FROM sync_conflicts WHERE entity = 'instructions' AND entity_id = ? AND kind = 'tracking_code'").get(entityId);
          if (recoded) compared = others.filter((c) => c !== 'tracking_code');
        }
        if (differing(local, row, compared).length === 0) this.count(table, 'present');
        else this.conflict(table, entityId, 'different', local, row);
        continue;
      }
      let toInsert = row;
      if (table === 'instructions' && typeof row.tracking_code === 'string') {
        const holder = this.select('instructions', got.columns, { tracking_code: row.tracking_code });
        if (holder) {
          const code = uniqueTrackingCode(this.ctx.db);
          toInsert = { ...row, tracking_code: code };
          this.recoded++;
          this.conflict('instructions', entityId, 'tracking_code', holder, row, `${row.tracking_code}→${code}`);
        }
      }
      try {
        db.transaction(() => this.insert(table, toInsert))();
        this.count(table, 'new');
      } catch (e) {
        if (!(e instanceof Error) || !('code' in e) || !String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw e;
        this.conflict(table, entityId, 'not_inserted', null, row, e.message);
      }
    }
  }
}
