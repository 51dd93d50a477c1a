import type { fieldDeskContract } from '../contract/fieldDesk';
import type { HandlersOf } from './context';

export const fieldDeskHandlers = {} satisfies HandlersOf<typeof fieldDeskContract>;
