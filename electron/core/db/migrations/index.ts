import m0010 from './0010-init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Versions go in steps of 10; `user_version` holds the last applied. */
export const MIGRATIONS: readonly Migration[] = [{ version: 10, name: '0010-init', sql: m0010 }];
