import { createHash } from 'node:crypto';
import { SYNC_FORMAT, SYNC_VERSION } from '../../contract/sync';
import { AppError } from '../errors';

/**
 * The site file: `{ format, version, site, data, checksum }`. `data` holds one entry per table,
 * `{ columns, rows }` (rows as arrays, so a day of a site stays small); `checksum` is the
 * SHA-256 (hex) of the canonical serialization of everything but the checksum: JSON with the
 * keys of every object sorted, no spaces.
 */
export type Cell = string | number | null;
export interface TableData {
  columns: string[];
  rows: Cell[][];
}
export interface SiteInfo {
  directorateName: string;
  siteName: string;
  exportedAt: string;
  exportedBy: string;
  /** The database schema version (user_version) of the exporting program. */
  schemaVersion: number;
}
export interface SiteFile {
  format: typeof SYNC_FORMAT;
  version: number;
  site: SiteInfo;
  data: Record<string, TableData>;
  checksum: string;
}

/** JSON with sorted keys at every level: the same value always serializes to the same text. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
}

export function checksumOf(body: Omit<SiteFile, 'checksum'>): string {
  return createHash('sha256').update(canonical({ format: body.format, version: body.version, site: body.site, data: body.data })).digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The file's text: the canonical body with its checksum. */
export function writeSiteFile(site: SiteInfo, data: Record<string, TableData>): { text: string; checksum: string } {
  const body = { format: SYNC_FORMAT, version: SYNC_VERSION, site, data } as const;
  const checksum = checksumOf(body);
  return { text: canonical({ ...body, checksum }), checksum };
}

const isCell = (v: unknown): v is Cell => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads and checks a site file before anything is written: JSON, format, version, checksum,
 * then the shape of the data. Each failure is a Persian error naming the file.
 */
export function readSiteFile(text: string, fileName: string): SiteFile {
  const file = fileName || 'بی‌نام';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'sync.notJson', 'content', { file });
  }
  if (!isRecord(parsed) || parsed.format !== SYNC_FORMAT) throw new AppError('invalid_input', 'sync.notDidar', 'content', { file });
  const version = parsed.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new AppError('invalid_input', 'sync.notDidar', 'content', { file });
  if (version > SYNC_VERSION) throw new AppError('invalid_input', 'sync.newerVersion', 'content', { file, version });
  const { checksum, site, data } = parsed;
  if (typeof checksum !== 'string' || checksum !== checksumOf({ format: SYNC_FORMAT, version, site, data } as Omit<SiteFile, 'checksum'>)) {
    throw new AppError('invalid_input', 'sync.damaged', 'content', { file });
  }
  const malformed = () => new AppError('invalid_input', 'sync.malformed', 'content', { file });
  if (!isRecord(site) || !isRecord(data)) throw malformed();
  for (const key of ['directorateName', 'siteName', 'exportedAt', 'exportedBy'] as const) if (typeof site[key] !== 'string') throw malformed();
  for (const table of Object.values(data)) {
    if (!isRecord(table) || !Array.isArray(table.columns) || !Array.isArray(table.rows)) throw malformed();
    const columns = table.columns as unknown[];
    if (!columns.every((c) => typeof c === 'string' && /^[a-z_][a-z0-9_]*$/.test(c)) || new Set(columns).size !== columns.length) throw malformed();
    for (const row of table.rows as unknown[]) {
      if (!Array.isArray(row) || row.length !== columns.length || !row.every(isCell)) throw malformed();
    }
  }
  return parsed as unknown as SiteFile;
}
