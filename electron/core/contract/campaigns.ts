import { z } from 'zod';
import { method, returns, STAFF, type Role } from './define';
import { id, isoDate, requiredText, text } from './fields';
import { CIRCUMSTANCES, type Circumstance, type Ticket } from './types';

/** The three kinds of callers of the phone outreach (seed 000). */
export const CALLER_KINDS = ['state_social_worker', 'private_social_worker', 'supervised_institution'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];
export const CALL_RESULTS = ['reached', 'not_reached', 'call_back'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];
export const TARGET_STATUSES = ['pending', 'reached', 'not_reached', 'call_back'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Who organizes a campaign (creates it, names its callers, draws its list). */
export const CAMPAIGN_MANAGERS: readonly Role[] = ['admin', 'official'];
/** Roles a campaign's caller may have. */
export const CALLER_ROLES: readonly Role[] = ['admin', 'operator', 'official', 'followup'];

export interface CampaignCounts {
  calls: number;
  reached: number;
  notReached: number;
  callBack: number;
  /** Requests raised on reached calls. */
  requests: number;
}

export interface CampaignCaller {
  userId: string;
  displayName: string;
  role: Role;
  kind: CallerKind;
  /** Targets assigned to this caller, and how many of them are still to call (pending or call back). */
  targets: number;
  open: number;
  calls: number;
}

export interface Campaign {
  id: string;
  meetingId: string;
  meetingStatus: 'planned' | 'open' | 'closed';
  title: string;
  fromDate: string;
  toDate: string;
  countyIds: string[];
  circumstances: Circumstance[];
  status: 'open' | 'closed';
  drawnAt: string | null;
  createdAt: string;
  targets: { total: number; pending: number; reached: number; notReached: number; callBack: number };
  calls: number;
  callers: CampaignCaller[];
  /** The signed-in user's kind when they are one of the callers. */
  myKind: CallerKind | null;
  canManage: boolean;
}

export interface StaffUser {
  userId: string;
  displayName: string;
  role: Role;
}

export interface DrawResult {
  campaign: Campaign;
  /** Clients added to the list by this draw, and open targets shared anew among the callers. */
  added: number;
  reassigned: number;
}

export interface WorklistItem {
  targetId: string;
  campaignId: string;
  clientId: string;
  clientName: string;
  nationalId: string;
  mobile: string;
  countyId: string;
  countyName: string;
  status: TargetStatus;
  attempts: number;
  lastCallAt: string | null;
  callbackOn: string | null;
  callerId: string | null;
  callerName: string | null;
  lastNote: string;
}

export interface CampaignCall {
  id: string;
  targetId: string;
  callerId: string;
  callerKind: CallerKind;
  countyId: string;
  at: string;
  day: string;
  result: CallResult;
  note: string;
  requests: number;
  visitId: string | null;
}

export interface RecordCallResult {
  call: CampaignCall;
  target: WorklistItem;
  /** The visit registered in the campaign's meeting for the requests raised, if any. */
  ticket: Ticket | null;
}

export type CountyDayRow = CampaignCounts & { day: string; countyId: string };
export type KindDayRow = CampaignCounts & { day: string; kind: CallerKind };

/**
 * The campaign's counts: per day × county and per day × caller kind (cells with calls only),
 * with totals per day, per county, per kind and in all — each a sum of its parts, and the
 * two tables' totals equal.
 */
export interface CampaignReport {
  campaignId: string;
  days: string[];
  counties: { id: string; name: string }[];
  kinds: CallerKind[];
  byCounty: CountyDayRow[];
  byKind: KindDayRow[];
  dayTotals: (CampaignCounts & { day: string })[];
  countyTotals: (CampaignCounts & { countyId: string })[];
  kindTotals: (CampaignCounts & { kind: CallerKind })[];
  byCaller: (CampaignCounts & { userId: string; displayName: string; kind: CallerKind })[];
  total: CampaignCounts;
}

const campaignId = id;

export const campaignsContract = {
  'campaigns.list': method({ input: z.strictObject({}), access: STAFF, readonly: true, returns: returns<Campaign[]>() }),
  'campaigns.get': method({ input: z.strictObject({ campaignId }), access: STAFF, readonly: true, returns: returns<Campaign>() }),
  /** Users who may be named callers (active staff), for the campaign's organizer. */
  'campaigns.staff': method({ input: z.strictObject({}), access: CAMPAIGN_MANAGERS, readonly: true, returns: returns<StaffUser[]>() }),
  'campaigns.create': method({
    input: z
      .strictObject({
        title: requiredText(200),
        from: isoDate,
        to: isoDate,
        countyIds: z.array(id).max(100).default([]),
        circumstances: z.array(z.enum(CIRCUMSTANCES)).max(CIRCUMSTANCES.length).default([]),
      })
      .refine((v) => v.from <= v.to, { error: 'msg:campaign.periodOrder', path: ['to'] }),
    access: CAMPAIGN_MANAGERS,
    returns: returns<Campaign>(),
  }),
  'campaigns.setCallers': method({
    input: z.strictObject({
      campaignId,
      callers: z.array(z.strictObject({ userId: id, kind: z.enum(CALLER_KINDS, { error: 'msg:campaign.callerKind' }) })).max(500),
    }),
    access: CAMPAIGN_MANAGERS,
    returns: returns<DrawResult>(),
  }),
  'campaigns.draw': method({ input: z.strictObject({ campaignId }), access: CAMPAIGN_MANAGERS, returns: returns<DrawResult>() }),
  'campaigns.worklist': method({
    input: z.strictObject({
      campaignId,
      /** A manager may look at one caller's list; a caller sees only their own. */
      callerId: id.nullable().default(null),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    access: STAFF,
    readonly: true,
    returns: returns<{ total: number; items: WorklistItem[] }>(),
  }),
  'campaigns.recordCall': method({
    input: z.strictObject({
      targetId: id,
      result: z.enum(CALL_RESULTS, { error: 'msg:campaign.result' }),
      note: text(1000).default(''),
      /** For «call back»: the day to call again (not before today). */
      callbackOn: isoDate.nullable().default(null),
      requests: z
        .array(
          z.strictObject({
            categoryId: z.string().min(1, { error: 'msg:category.required' }).max(64),
            text: requiredText(2000),
          }),
        )
        .max(20)
        .default([]),
    }),
    access: STAFF,
    returns: returns<RecordCallResult>(),
  }),
  'campaigns.report': method({ input: z.strictObject({ campaignId }), access: STAFF, readonly: true, returns: returns<CampaignReport>() }),
};
