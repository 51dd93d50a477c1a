import type { Db } from '../../db/open';

/**
 * What travels in a site file, read from the database's own schema at run time (PRAGMA
 * table_info / foreign_key_list): columns added by later migrations travel without code
 * changes, and a reference column is remapped by the table it references.
 */

/** Configurable lists: matched by id, else by name. */
export const LIST_TABLES = ['counties', 'categories', 'units', 'agencies', 'outcome_reasons'] as const;
/** The records of a meeting day, in the order they are inserted (parents first). */
export const RECORD_TABLES = ['meetings', 'meeting_agencies', 'shared_issues', 'visits', 'calls', 'requests', 'instructions', 'follow_ups'] as const;
/** Every table a file may carry, in import order. */
export const FILE_TABLES = [...LIST_TABLES, 'users', 'clients', ...RECORD_TABLES] as const;

/** Columns never exported: secrets, and the visits' report columns the triggers compute (reports/facts.ts). */
export const EXCLUDED: Record<string, readonly string[]> = {
  users: ['password_hash'],
  visits: ['day', 'county_id', 'cmask', 'prev_day'],
};

/** Client columns that say who the person is and how to reach them: what a conflict compares. */
export const CLIENT_FIELDS = [
  'national_id', 'first_name', 'last_name', 'father_name', 'birth_date', 'sex', 'mobile', 'address', 'county_id', 'file_number', 'circumstances',
] as const;

export interface ColumnInfo {
  name: string;
  notNull: boolean;
  hasDefault: boolean;
  pk: number;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key columns, in key order. */
  key: string[];
  /** Column → referenced table. */
  refs: Map<string, string>;
}

export class Schema {
  private cache = new Map<string, TableInfo | null>();
  constructor(private readonly db: Db) {}

  table(name: string): TableInfo | null {
    if (this.cache.has(name)) return this.cache.get(name)!;
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    let info: TableInfo | null = null;
    if (exists) {
      const cols = this.db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; notnull: number; dflt_value: unknown; pk: number }[];
      const fks = this.db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as { table: string; from: string }[];
      info = {
        name,
        columns: cols.map((c) => ({ name: c.name, notNull: c.notnull === 1, hasDefault: c.dflt_value !== null, pk: c.pk })),
        key: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        refs: new Map(fks.map((f) => [f.from, f.table])),
      };
    }
    this.cache.set(name, info);
    return info;
  }

  /** The columns of a table that travel (all but the excluded). */
  exportColumns(name: string): string[] {
    const info = this.table(name);
    if (!info) return [];
    const excluded = EXCLUDED[name] ?? [];
    return info.columns.map((c) => c.name).filter((c) => !excluded.includes(c));
  }
}

/** A table or column name in SQL (names come from the schema or are checked as [a-z_0-9]). */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
