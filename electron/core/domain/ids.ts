import { v7 as uuidv7 } from 'uuid';

/** A new record id: UUIDv7, sortable by creation time and unique across desks and counties. */
export function newId(): string {
  return uuidv7();
}
