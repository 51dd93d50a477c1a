import { EventEmitter } from 'node:events';
import type { DidarEvent } from './contract';
import { createDispatch, type Dispatch } from './api/dispatch';
import type { Services } from './api/context';
import { markReplaced, onFileRelease } from './backup/liveDb';
import { recoverInterruptedSwap } from './backup/recover';
import { createBackupService, type BackupService, type BackupServiceOptions } from './backup/service';
import { createCheckpointer, type Checkpointer, type CheckpointerOptions } from './db/checkpointer';
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
  /** The WAL checkpoint worker (db/checkpointer.ts); null when turned off by `CoreOptions.checkpointer`. */
  checkpointer: Checkpointer | null;
  /** Stops the backups and the checkpoint worker, then closes the connection. */
  close(): void;
}

export interface CoreOptions {
  file: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  backups?: BackupServiceOptions;
  /**
   * WAL checkpoints in a worker thread, off the desks' commits (on by default). `false`: the
   * host's connection checkpoints by itself as SQLite does, every 1,000 pages, inside a commit.
   */
  checkpointer?: CheckpointerOptions | false;
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
  const checkpointer = options.checkpointer === false ? null : createCheckpointer({ file: options.file, db: () => db, log }, options.checkpointer);
  /** Starts the checkpoint worker on the file `connection` has open; a restore stops it before it moves that file. */
  const checkpointsFor = (connection: Db) => {
    if (!checkpointer) return;
    onFileRelease(connection, () => checkpointer.stop());
    checkpointer.start();
  };
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
        // The swap stopped the worker before it moved the file (or put it back): it starts on the file now in place.
        checkpointer?.stop();
        checkpointsFor(next);
      },
    },
    options.backups,
  );
  checkpointsFor(db);

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
    checkpointer,
    close: () => {
      services.backups.stop();
      // Before the host's connection: the last connection to close checkpoints the WAL and removes it.
      checkpointer?.stop();
      if (db.open) db.close();
    },
  };
}
