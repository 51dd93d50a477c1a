import type { campaignsContract } from '../contract/campaigns';
import type { HandlersOf } from './context';

export const campaignsHandlers = {} satisfies HandlersOf<typeof campaignsContract>;
