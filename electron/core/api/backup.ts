import { isAbsolute } from 'node:path';
import type { backupContract } from '../contract/backup';
import { backupFolderSetting, folderIsWritable } from '../backup/folder';
import { readPolicy, writePolicy } from '../backup/policy';
import { audit, me, type HandlersOf } from './context';
import { fail } from './errors';
import { writeSettings } from './settingsStore';

/**
 * Backups (admin only). Making and restoring run after the call returns (the services object
 * in ctx queues them; dispatch is synchronous): the call answers at once, the job reports
 * through `backup.changed`, and a restore ends with `database.restored`.
 */
export const backupHandlers = {
  'backup.list': (_input, ctx) => ctx.services.backups.overview(ctx.db),

  'backup.make': (_input, ctx) => {
    me(ctx);
    const name = ctx.services.backups.requestBackup('manual');
    audit(ctx, 'backup.make', 'backup', name, null, { name });
    return { name };
  },

  'backup.savePolicy': (input, ctx) => {
    const folder = input.backupFolder;
    if (folder !== '' && !isAbsolute(folder)) throw fail.invalid('backup.folder.absolute', 'backupFolder');
    if (folder !== '' && !folderIsWritable(folder)) throw fail.invalid('backup.folder.unwritable', 'backupFolder');
    const before = { ...readPolicy(ctx.db), backupFolder: backupFolderSetting(ctx.db) };
    const policy = { everyHours: input.everyHours, keepLast: input.keepLast, keepDays: input.keepDays };
    writePolicy(ctx.db, policy);
    writeSettings(ctx.db, { backupFolder: folder });
    audit(ctx, 'update', 'settings', 'backupPolicy', before, { ...policy, backupFolder: folder });
    ctx.emit('backup.changed', {});
    return ctx.services.backups.overview(ctx.db);
  },

  'backup.restore': (input, ctx) => {
    const actor = me(ctx);
    const { keptAs } = ctx.services.backups.requestRestore(input.backupName, actor, ctx.services);
    audit(ctx, 'restore.request', 'database', input.backupName, null, { restoreFrom: input.backupName, keptAs });
    return { keptAs };
  },
} satisfies HandlersOf<typeof backupContract>;
