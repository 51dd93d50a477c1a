import { EventEmitter } from 'node:events';
import type { DidarEvent } from './contract';
import { createDispatch, type Dispatch } from './api/dispatch';
import { openDatabase, type Db } from './db/open';
import { seedFreshDatabase } from './db/seedLists';

export interface Core {
  db: Db;
  dispatch: Dispatch;
  /** Subscribes to committed changes; returns the unsubscribe function. */
  onEvent(listener: (event: DidarEvent) => void): () => void;
  close(): void;
}

export interface CoreOptions {
  file: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** Opens the database at `file`, migrates and seeds it, and returns the dispatch every transport uses. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.file);
  const clock = options.now ?? (() => new Date());
  seedFreshDatabase(db, clock().toISOString());
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const dispatch = createDispatch({
    db,
    now: clock,
    onEvent: (event) => bus.emit('event', event),
    onInternalError: (method, error) => (options.log ?? console.error)(`internal error in ${method}`, error),
  });
  return {
    db,
    dispatch,
    onEvent(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    close: () => db.close(),
  };
}
