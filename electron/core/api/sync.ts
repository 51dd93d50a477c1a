import type { syncContract } from '../contract/sync';
import type { HandlersOf } from './context';

export const syncHandlers = {} satisfies HandlersOf<typeof syncContract>;
