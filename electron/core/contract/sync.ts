import { z } from 'zod';
import { method, returns } from './define';
import { id, text } from './fields';

/**
 * The province-wide desk day (issue 7, seed 004): a site exports the meetings it ran as one
 * signed file; the directorate imports it. Only the admin moves data between databases.
 */

/** The file's `format` and the highest `version` this program reads. */
export const SYNC_FORMAT = 'didar-site-export';
export const SYNC_VERSION = 1;
/** The largest site file taken in (characters of JSON); the station accepts bodies this big for `sync.import` only. */
export const SYNC_MAX_CHARS = 32 * 1024 * 1024;

/** How one table of a file came in: rows new here, rows already here as they are, rows held differently (conflicts). */
export interface SyncTableCount {
  table: string;
  new: number;
  present: number;
  conflicts: number;
}

export interface SyncSummary {
  tables: SyncTableCount[];
  newTotal: number;
  presentTotal: number;
  conflictTotal: number;
  /** Site clients tied to a client here with the same national ID under another id. */
  linkedClients: number;
  /** Instructions whose tracking code was taken here by another instruction (given a new code). */
  recodedInstructions: number;
}

export interface SyncImport {
  id: string;
  checksum: string;
  formatVersion: number;
  siteName: string;
  exportedAt: string;
  exportedBy: string;
  fileName: string;
  importedAt: string;
  importedBy: string;
  summary: SyncSummary;
}

export interface SyncImportResult extends SyncImport {
  /** The very same file (same checksum) was imported before: nothing was changed. */
  alreadyImported: boolean;
}

export interface SyncExport {
  fileName: string;
  /** The file's text (JSON). */
  content: string;
  /** Rows per table in the file. */
  counts: Record<string, number>;
  siteName: string;
}

export type SyncConflictKind = 'different' | 'tracking_code' | 'not_inserted';

export interface SyncConflict {
  id: string;
  importId: string;
  siteName: string;
  /** The table (clients, visits, instructions …). */
  entity: string;
  entityId: string;
  kind: SyncConflictKind;
  /** Why an incoming record could not be added ('not_inserted'), or the tracking codes ('tracking_code'). */
  detail: string;
  /** A short name of the record for a person (a client's name and national ID, a tracking code). */
  title: string;
  /** Both versions, column by column (the incoming one with its ids already mapped to this database's). */
  local: Record<string, unknown>;
  incoming: Record<string, unknown>;
  /** Columns whose values differ. */
  differences: string[];
  status: 'open' | 'resolved';
  resolution: 'local' | 'incoming' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export const syncContract = {
  'sync.export': method({
    input: z.strictObject({
      meetingIds: z.array(id).min(1, { error: 'msg:sync.noMeetings' }).max(200),
      /** The site's name in the file (e.g. «اداره بهزیستی شهرستان سرخه»); default: the directorate name in settings. */
      siteName: text(160).default(''),
    }),
    access: ['admin'],
    readonly: true,
    returns: returns<SyncExport>(),
  }),
  'sync.import': method({
    input: z.strictObject({
      content: z.string().min(1, { error: 'msg:sync.empty' }).max(SYNC_MAX_CHARS, { error: 'msg:sync.tooLarge' }),
      fileName: text(255).default(''),
    }),
    access: ['admin'],
    returns: returns<SyncImportResult>(),
  }),
  'sync.imports': method({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    access: ['admin'],
    readonly: true,
    returns: returns<SyncImport[]>(),
  }),
  'sync.conflicts': method({
    input: z.strictObject({ status: z.enum(['open', 'all']).default('open'), limit: z.number().int().min(1).max(1000).default(200) }),
    access: ['admin'],
    readonly: true,
    returns: returns<{ open: number; items: SyncConflict[] }>(),
  }),
  'sync.resolve': method({
    input: z.strictObject({ conflictId: id, keep: z.enum(['local', 'incoming']) }),
    access: ['admin'],
    returns: returns<SyncConflict>(),
  }),
};
