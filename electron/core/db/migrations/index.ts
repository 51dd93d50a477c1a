import m0010 from './0010-init';
import m0020 from './0020-instructions';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Versions go in steps of 10; `user_version` holds the last applied. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: '0010-init', sql: m0010 },
  { version: 20, name: '0020-instructions', sql: m0020 },
];
