import type { syncContract } from '../contract/sync';
import type { HandlersOf } from './context';
import { listConflicts, resolveConflict } from './sync/conflicts';
import { exportSite } from './sync/exportSite';
import { IMPORT_SELECT, importSite, toImport } from './sync/importSite';

/** Issue 7: a site's export file and the directorate's import (see sync/*.ts). */
export const syncHandlers = {
  'sync.export': (input, ctx) => exportSite(ctx, input.meetingIds, input.siteName),
  'sync.import': (input, ctx) => importSite(ctx, input.content, input.fileName),
  'sync.imports': (input, ctx) =>
    (ctx.db.prepare(`${IMPORT_SELECT} ORDER BY i.imported_at DESC, i.id DESC LIMIT ?`).all(input.limit) as Parameters<typeof toImport>[0][]).map(toImport),
  'sync.conflicts': (input, ctx) => listConflicts(ctx, input.status, input.limit),
  'sync.resolve': (input, ctx) => resolveConflict(ctx, input.conflictId, input.keep),
} satisfies HandlersOf<typeof syncContract>;
