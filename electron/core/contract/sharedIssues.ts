import { z } from 'zod';
import { STAFF, method, returns } from './define';
import { instructionFields } from './desk';
import { cleanPersianText } from '../domain/normalize';
import { id, requiredText, text } from './fields';
import type { Instruction, InstructionKind } from './types';

/**
 * Networked problems (seed 003): a shared issue of one place and one category that several
 * clients' requests are joined to, with one instruction that reaches every joined request.
 */

export const SHARED_ISSUE_STATUSES = ['open', 'closed'] as const;
export type SharedIssueStatus = (typeof SHARED_ISSUE_STATUSES)[number];

const OFFICIAL = ['admin', 'official'] as const;

export interface SharedIssue {
  id: string;
  title: string;
  countyId: string;
  countyName: string;
  place: string;
  categoryId: string;
  categoryName: string;
  description: string;
  status: SharedIssueStatus;
  createdByName: string;
  createdAt: string;
  closedAt: string | null;
  /** Requests joined to it. */
  joinedCount: number;
  /** Joined requests whose live instruction is still open (being followed up). */
  openCount: number;
  /** Joined requests with no live instruction yet. */
  waitingCount: number;
}

/** One joined request, with its client and its live instruction. */
export interface SharedIssueMember {
  requestId: string;
  requestText: string;
  visitId: string;
  clientId: string;
  clientName: string;
  nationalId: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  instruction: {
    id: string;
    trackingCode: string;
    kind: InstructionKind;
    status: Instruction['status'];
    outcome: Instruction['outcome'];
    /** False when the request has an instruction of its own, issued before it was joined. */
    shared: boolean;
  } | null;
}

export interface SharedIssueDetail extends SharedIssue {
  members: SharedIssueMember[];
  /** The shared instruction as issued (the latest live one carrying the issue), if any. */
  instruction: Instruction | null;
}

export interface SharedIssueSuggestion extends SharedIssue {
  /** How well the request's words match the issue's place and title (higher is closer). */
  score: number;
}

const issueFields = {
  title: requiredText(200),
  countyId: z.string().min(1, { error: 'msg:sharedIssue.countyRequired' }).max(64),
  /** The street, neighbourhood or village (its own message: the generic label «place» is a meeting's). */
  place: z
    .string()
    .max(400, { error: 'msg:sharedIssue.placeTooLong' })
    .transform(cleanPersianText)
    .pipe(z.string().max(200, { error: 'msg:sharedIssue.placeTooLong' }))
    .default(''),
  categoryId: z.string().min(1, { error: 'msg:category.required' }).max(64),
  description: text(2000).default(''),
};

export const sharedIssuesContract = {
  'sharedIssues.list': method({
    input: z.strictObject({
      countyId: id.nullable().default(null),
      categoryId: id.nullable().default(null),
      status: z.enum([...SHARED_ISSUE_STATUSES, 'all']).default('open'),
      query: z.string().max(120).default(''),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    access: STAFF,
    readonly: true,
    returns: returns<SharedIssue[]>(),
  }),
  'sharedIssues.get': method({
    input: z.strictObject({ id }),
    access: STAFF,
    readonly: true,
    returns: returns<SharedIssueDetail>(),
  }),
  'sharedIssues.create': method({
    input: z.strictObject({
      ...issueFields,
      /** A request to join at once (the one that made the operator see the shared problem). */
      requestId: id.nullable().default(null),
    }),
    access: STAFF,
    returns: returns<SharedIssueDetail>(),
  }),
  'sharedIssues.update': method({
    input: z.strictObject({ id, ...issueFields, status: z.enum(SHARED_ISSUE_STATUSES) }),
    access: STAFF,
    returns: returns<SharedIssueDetail>(),
  }),
  'sharedIssues.suggest': method({
    input: z.strictObject({ countyId: id, categoryId: id, text: text(2000).default('') }),
    access: STAFF,
    readonly: true,
    returns: returns<SharedIssueSuggestion[]>(),
  }),
  'sharedIssues.join': method({
    input: z.strictObject({ requestId: id, sharedIssueId: id }),
    access: STAFF,
    returns: returns<SharedIssueDetail>(),
  }),
  'sharedIssues.leave': method({
    input: z.strictObject({ requestId: id, reason: requiredText(500) }),
    access: STAFF,
    returns: returns<SharedIssueDetail>(),
  }),
  'sharedIssues.issue': method({
    input: z.strictObject({ sharedIssueId: id, fields: instructionFields }),
    access: OFFICIAL,
    returns: returns<{ issued: Instruction[]; detail: SharedIssueDetail }>(),
  }),
};
