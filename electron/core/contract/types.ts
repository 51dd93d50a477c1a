import type { Role } from './define';

/** Output shapes of the contract: what the renderer receives. Times are UTC ISO instants, dates YYYY-MM-DD. */

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
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

export const LIST_KINDS = ['counties', 'units', 'agencies', 'categories'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListItem {
  id: string;
  name: string;
  active: boolean;
  sort: number;
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
  maxPriorityInRow: number;
}

export interface CalledVisit extends QueueEntry {
  requests: RequestRow[];
}

export interface Settings {
  directorateName: string;
  province: string;
  maxPriorityInRow: number;
}
