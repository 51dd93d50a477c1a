import type { Role } from '../../../electron/core/contract';

export type RoleName = Role;
/** The roles in the order the admin picks from (mirrors the contract's list, which the renderer may only import as a type). */
export const ROLES_LIST: readonly Role[] = ['operator', 'official', 'followup', 'unit', 'agency', 'display', 'admin'];

/** Representatives act for one unit or one agency, chosen when the user is made. */
export function isRepresentative(role: Role): role is 'unit' | 'agency' {
  return role === 'unit' || role === 'agency';
}
