import { EventEmitter } from 'node:events';
import type { DidarEvent } from './contract';
import { createDispatch, type Dispatch } from './api/dispatch';
import type { Services } from './api/context';
import { markReplaced } from './backup/liveDb';
import { recoverInterruptedSwap } from './backup/recover';
import { createBackupService, type BackupService, type BackupServiceOptions } from './backup/service';
import { openDatabase, type Db } from './db/open';
import { seedFreshDatabase } from './db/seedLists';

export interface Core {
  /** The current connection: a restore replaces it, so read it where it is used, not once. */
  readonly db: Db;
  /** Always the dispatch over the current connection. */
  dispatch: Dispatch;
  /** Subscribes to committed changes; returns the unsubscribe function. */
  onEvent(listener: (event: DidarEvent) => void): () => void;
  /** The core's clock (a test's or a demo's offset included): what transports check sessions against. */
  now(): Date;
  /** Backups and restore; `backups.start()` runs the schedule (the station and the desktop app call it). */
  backups: BackupService;
  close(): void;
}

export interface CoreOptions {
  file: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  backups?: BackupServiceOptions;
}

/** Opens the database at `file`, migrates and seeds it, and returns the dispatch every transport uses. */
export function createCore(options: CoreOptions): Core {
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? console.error;
  recoverInterruptedSwap(options.file, log);
  let db = openDatabase(options.file, { now: clock });
  seedFreshDatabase(db, clock().toISOString());
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const emit = (event: DidarEvent) => bus.emit('event', event);

  const services = {} as Services;
  const dispatchOver = (connection: Db) =>
    createDispatch({
      db: connection,
      now: clock,
      onEvent: emit,
      onInternalError: (method, error) => log(`internal error in ${method}`, error),
      services,
    });
  let current = dispatchOver(db);
  services.backups = createBackupService(
    {
      file: options.file,
      db: () => db,
      now: clock,
      emit,
      log,
      open: (file) => openDatabase(file, { now: clock }),
      replace(next) {
        markReplaced(db, next);
        db = next;
        current = dispatchOver(next);
      },
    },
    options.backups,
  );

  return {
    get db() {
      return db;
    },
    dispatch: (method, input, token) => current(method, input, token),
    now: clock,
    onEvent(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    backups: services.backups,
    close: () => {
      services.backups.stop();
      if (db.open) db.close();
    },
  };
}
