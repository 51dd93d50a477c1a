import type { z } from 'zod';
import { authContract } from './auth';
import { clientsContract } from './clients';
import { combine } from './define';
import { listsContract } from './lists';
import { meetingsContract } from './meetings';
import { queueContract } from './queue';
import { deskContract } from './desk';
import { printContract } from './print';
import { queueActionsContract } from './queueActions';
import { followupContract } from './followup';
import { reportsContract } from './reports';
import { fieldDeskContract } from './fieldDesk';
import { sharedIssuesContract } from './sharedIssues';
import { syncContract } from './sync';
import { campaignsContract } from './campaigns';
import { auditContract } from './audit';
import { backupContract } from './backup';
import { stationContract } from './station';

/** The whole contract: every method Didar answers, by name. */
export const contract = combine(authContract, listsContract, meetingsContract, clientsContract, queueContract, deskContract, printContract, queueActionsContract, followupContract, reportsContract,
  fieldDeskContract, sharedIssuesContract, syncContract, campaignsContract, auditContract, backupContract, stationContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller sends. */
export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives after validation (defaults filled, text cleaned). */
export type Parsed<K extends MethodName> = z.output<Contract[K]['input']>;
/** What a call returns. */
export type Output<K extends MethodName> = Exclude<Contract[K]['output'], undefined>;

export * from './types';
export * from './events';
export * from './errors';
export type { Role } from './define';
