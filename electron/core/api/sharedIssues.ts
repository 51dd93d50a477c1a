import type { sharedIssuesContract } from '../contract/sharedIssues';
import type { HandlersOf } from './context';

export const sharedIssuesHandlers = {} satisfies HandlersOf<typeof sharedIssuesContract>;
