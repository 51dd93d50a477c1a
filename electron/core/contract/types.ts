import type { Role } from './define';

/** Output shapes of the contract: what the renderer receives. Times are UTC ISO instants, dates YYYY-MM-DD. */

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** For a unit's representative: the unit they act for. */
  unitId: string | null;
  /** For an agency's representative: the agency they act for. */
  agencyId: string | null;
}

export interface SessionInfo {
  token: string;
  user: Actor;
  expiresAt: string;
}

export interface UserRow extends Actor {
  active: boolean;
  createdAt: string;
}

export const LIST_KINDS = ['counties', 'units', 'agencies', 'categories', 'outcomeReasons'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListItem {
  id: string;
  name: string;
  active: boolean;
  sort: number;
  /** Units and agencies: the room or desk a referred client goes to (printed on the slip). */
  room: string;
}

export type Lists = Record<ListKind, ListItem[]>;

export const MEETING_KINDS = ['weekly_public', 'field_desk', 'province_day', 'phone_outreach'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['planned', 'open', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface Meeting {
  id: string;
  kind: MeetingKind;
  title: string;
  date: string;
  place: string;
  countyId: string | null;
  countyName: string | null;
  presiding: string;
  status: MeetingStatus;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  waiting: number;
  visits: number;
  /** The agencies whose representatives sit at this meeting's table (a field desk). */
  agencyIds: string[];
}

export const CIRCUMSTANCES = ['disability', 'female_head', 'elderly', 'low_income', 'chronic_illness', 'orphan'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export interface Client {
  id: string;
  nationalId: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  birthDate: string | null;
  sex: Sex;
  mobile: string;
  address: string;
  countyId: string | null;
  countyName: string | null;
  fileNumber: string;
  circumstances: Circumstance[];
  createdAt: string;
  updatedAt: string;
}

export interface ClientHit {
  id: string;
  nationalId: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  countyName: string | null;
  circumstances: Circumstance[];
}

export const PRIORITY_KINDS = ['none', 'urgent', 'disability', 'elderly'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const VISIT_STATUSES = ['waiting', 'called', 'with_official', 'done', 'no_show', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface RequestRow {
  id: string;
  categoryId: string;
  categoryName: string;
  text: string;
  urgency: Urgency;
  /** The shared issue (networked problem) this request is joined to, if any. */
  sharedIssueId?: string | null;
  sharedIssueTitle?: string | null;
}

export interface Ticket {
  visitId: string;
  meetingId: string;
  clientId: string;
  ticket: number;
  priority: PriorityKind;
  registeredAt: string;
}

export interface QueueEntry {
  visitId: string;
  ticket: number;
  priority: PriorityKind;
  priorityReason: string;
  status: VisitStatus;
  clientId: string;
  clientName: string;
  requestCount: number;
  desk: string | null;
  registeredAt: string;
  calledAt: string | null;
  /** Place in the projected calling order (1 = next), for waiting visits. */
  position: number | null;
}

export interface Queue {
  meetingId: string;
  waiting: QueueEntry[];
  called: QueueEntry[];
  /** Visitors marked no-show, the latest first (one who comes back can be requeued). */
  noShows: QueueEntry[];
  maxPriorityInRow: number;
}

export interface CalledVisit extends QueueEntry {
  requests: RequestRow[];
}

export interface Settings {
  directorateName: string;
  province: string;
  maxPriorityInRow: number;
  /** Default days until due, by instruction kind. */
  dueDays: Record<'answered' | 'unit' | 'agency' | 'not_possible' | 'review', number>;
  /** The directorate's logo for printed pages, as a data: URL (PNG, JPEG or SVG), or ''. */
  logo: string;
  /** Print the referral slips when the official finishes a visit. */
  autoPrintSlips: boolean;
  /** The printer the desktop app prints to silently ('' = ask / save as PDF). */
  printer: string;
  /** A referral with no step for this many days is flagged as stale. */
  staleDays: number;
  /** The short-message gateway; an empty URL means none (nothing is sent). */
  smsGateway: { url: string; token: string; sender: string };
  /** Where backups are written: an absolute folder on the host, or '' for the `backups` folder beside the database. */
  backupFolder: string;
}

export const INSTRUCTION_KINDS = ['answered', 'unit', 'agency', 'not_possible', 'review'] as const;
export type InstructionKind = (typeof INSTRUCTION_KINDS)[number];
export const FUNDERS = ['welfare', 'agency', 'charity', 'client', 'none'] as const;
export type Funder = (typeof FUNDERS)[number];
export const INSTRUCTION_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

/** The official's decision on one request. Amounts are integer rials (shown in toman). */
export interface Instruction {
  id: string;
  requestId: string;
  visitId: string;
  clientId: string;
  trackingCode: string;
  kind: InstructionKind;
  text: string;
  answer: string;
  reason: string;
  reviewer: string;
  unitId: string | null;
  unitName: string | null;
  agencyId: string | null;
  agencyName: string | null;
  /** Where the client should go next (the unit's or agency's room), if known. */
  room: string;
  dueDate: string | null;
  amountRials: number | null;
  funder: Funder | null;
  status: InstructionStatus;
  version: number;
  issuedBy: string;
  issuedByName: string;
  issuedAt: string;
  amendedAt: string | null;
  amendReason: string;
  cancelledAt: string | null;
  cancelReason: string;
  /** The result recorded by follow-up (null while open, and for kinds closed at issue). */
  outcome: Outcome | null;
  outcomeReasonId: string | null;
  outcomeReasonName: string | null;
  outcomeNote: string;
  deliveredRials: number | null;
  deliveredFunder: Funder | null;
  closedAt: string | null;
  /** The last step taken (or the issue), for staleness. */
  lastStepAt: string;
  /** Handed to the agency's representative at the meeting's table. */
  atTable: boolean;
  /** When that representative took it away with a due date (null: not taken, or answered at the table). */
  takenAt: string | null;
}

export const OUTCOMES = ['done', 'partly_done', 'not_possible'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const STEP_KINDS = ['call', 'letter', 'visit', 'note'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface FollowupStep {
  id: string;
  kind: StepKind | 'result' | 'reopen';
  text: string;
  byName: string;
  at: string;
}

/** One line of a follow-up worklist. */
export interface FollowupItem {
  instruction: Instruction;
  clientName: string;
  nationalId: string;
  mobile: string;
  categoryName: string;
  requestText: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  overdue: boolean;
  stale: boolean;
  /** Whole days since the last step (or the issue). */
  daysSinceStep: number;
  steps: number;
}

export interface FollowupCounts {
  id: string;
  name: string;
  open: number;
  overdue: number;
  stale: number;
}

export interface DailyFollowup {
  date: string;
  openTotal: number;
  dueToday: number;
  overdue: number;
  stale: number;
  byUnit: FollowupCounts[];
  byAgency: FollowupCounts[];
}

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxRow {
  id: string;
  clientName: string;
  mobile: string;
  kind: 'issued' | 'closed';
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string;
  createdAt: string;
  sentAt: string | null;
}

export interface RequestWithInstruction extends RequestRow {
  instruction: Instruction | null;
}

export interface HistoryVisit {
  visitId: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  ticket: number;
  status: VisitStatus;
  registeredAt: string;
  requests: RequestWithInstruction[];
}

export interface VisitDetail {
  visit: QueueEntry & { meetingId: string; meetingTitle: string; meetingDate: string; startedAt: string | null; finishedAt: string | null };
  client: Client;
  requests: RequestWithInstruction[];
  /** The client's other visits, newest first. */
  history: HistoryVisit[];
}

export interface TrackingLookup {
  instruction: Instruction;
  clientName: string;
  nationalIdTail: string;
  request: RequestRow;
  meetingTitle: string;
  meetingDate: string;
}

export interface PrintHeader {
  directorateName: string;
  province: string;
  logo: string;
  /** 1 for the first print, then 2, 3 … (a reprint is marked as such). */
  printNumber: number;
  printedAt: string;
}

export interface TicketPrint extends PrintHeader {
  ticket: number;
  priority: PriorityKind;
  meetingTitle: string;
  meetingDate: string;
  place: string;
  registeredAt: string;
  waitingAhead: number;
}

export interface SlipPrint extends PrintHeader {
  instruction: Instruction;
  request: RequestRow;
  client: { name: string; nationalId: string; fatherName: string };
  meetingTitle: string;
  meetingDate: string;
}

export interface VisitSummaryPrint extends PrintHeader {
  detail: Omit<VisitDetail, 'history'>;
}

export type DueDays = Record<InstructionKind, number>;

export interface QueueStats {
  meetingId: string;
  waitingNow: number;
  atDesks: number;
  done: number;
  noShows: number;
  cancelled: number;
  /** Minutes from registration to the first call, over visits called so far. */
  averageWaitMinutes: number | null;
  /** The longest wait so far, counting those still waiting. */
  longestWaitMinutes: number | null;
  /** Minutes with the official (start to finish), over finished visits. */
  averageWithOfficialMinutes: number | null;
}

/** The waiting-room board: ticket numbers and desks only, no personal data. */
export interface QueueBoard {
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  /** Visits at a desk, the latest call first. */
  calling: { visitId: string; ticket: number; desk: string; calledAt: string; callCount: number }[];
  /** Waiting tickets in calling order, each with how many are ahead of it. */
  waiting: { ticket: number; ahead: number; priority: boolean }[];
}

/** What a report covers: one meeting, a period of meeting dates, a county (of the clients), or all. */
export interface ReportScope {
  meetingId: string | null;
  from: string | null;
  to: string | null;
  countyId: string | null;
}

/** A table of a report: each row's figures in the order of `columns`, and the totals of every column. */
export interface ReportTable {
  key: string;
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
  totals: number[];
}

export interface Report {
  scope: ReportScope & { meetingTitle: string | null; countyName: string | null };
  /** The period in the Jalali calendar, in words (e.g. «از ۱ آذر ۱۴۰۵ تا ۳۰ آذر ۱۴۰۵»), or '' for all time. */
  periodLabel: string;
  generatedAt: string;
  /** A short press summary in Persian prose, every number taken from this report. */
  summary: string;
  headline: {
    meetings: number;
    visits: number;
    clients: number;
    requests: number;
    instructions: number;
    answeredOnSpot: number;
    /** Share of requests answered on the spot, in percent (one decimal), or null with no requests. */
    answeredOnSpotPercent: number | null;
    open: number;
    closed: number;
    overdue: number;
    promisedToman: number;
    deliveredToman: number;
    /** Closed follow-ups that closed on or before their due date, in percent of those with a due date. */
    closedByDuePercent: number | null;
    medianDaysToResult: number | null;
  };
  /** columns: instructions. */
  byKind: ReportTable;
  /** columns: requests, instructions, answered on the spot. */
  byCategory: ReportTable;
  /** columns: referred, open, closed, overdue. */
  byUnit: ReportTable;
  byAgency: ReportTable;
  /** Requests handed to agencies at a field desk's table; columns: handed, answered at the table, taken with a due date, waiting. */
  byAgencyAtTable: ReportTable;
  /** Clients' counties; columns: visits, requests. */
  byCounty: ReportTable;
  /** columns: promised toman, delivered toman. */
  byFunder: ReportTable;
  /** Who issued the instructions (the presiding officials); columns: instructions, answered on the spot. */
  byIssuer: ReportTable;
  /** Clients served by circumstance (a client may have several); columns: clients. */
  byCircumstance: ReportTable;
  /** Follow-up results; columns: instructions. */
  byOutcome: ReportTable;
  /** Days from issue to result for referrals; columns: closed, median days, 90th percentile days. */
  daysToResult: ReportTable;
  /** Minutes with the official in 3-minute bands; columns: visits. */
  timeWithOfficial: ReportTable;
  /** Per desk; columns: called, done, no-show. */
  byDesk: ReportTable;
  queue: { averageWaitMinutes: number | null; medianWaitMinutes: number | null; noShows: number; cancelled: number };
}
