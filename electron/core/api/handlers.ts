import type { Contract } from '../contract';
import { combine } from '../contract/define';
import { authHandlers } from './auth';
import { clientsHandlers } from './clients';
import type { HandlersOf } from './context';
import { listsHandlers } from './lists';
import { meetingsHandlers } from './meetings';
import { queueHandlers } from './queue';
import { deskHandlers } from './desk';
import { printHandlers } from './print';
import { queueActionsHandlers } from './queueActions';
import { followupHandlers } from './followup';
import { reportsHandlers } from './reports';
import { fieldDeskHandlers } from './fieldDesk';
import { sharedIssuesHandlers } from './sharedIssues';
import { syncHandlers } from './sync';
import { campaignsHandlers } from './campaigns';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { stationHandlers } from './station';

/** Every method's handler; a method of the contract without one fails the type check here. */
export const handlers: HandlersOf<Contract> = combine(
  authHandlers,
  listsHandlers,
  meetingsHandlers,
  clientsHandlers,
  queueHandlers,
  deskHandlers,
  printHandlers,
  queueActionsHandlers,
  followupHandlers,
  reportsHandlers,
  fieldDeskHandlers,
  sharedIssuesHandlers,
  syncHandlers,
  campaignsHandlers,
  auditHandlers,
  backupHandlers,
  stationHandlers,
);
